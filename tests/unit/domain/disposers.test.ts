import { describe, expect, it } from 'vitest';
import { Disposers } from '../../../src/domain/disposers';

describe('Disposers', () => {
  it('runs every disposer once, newest first, and disposes modules too', () => {
    const order: string[] = [];
    const disposers = new Disposers();
    disposers.add(() => order.push('subscription'));
    const module = disposers.add({ dispose: () => order.push('module') });
    disposers.add(() => order.push('listener'));
    disposers.dispose();
    disposers.dispose();
    expect(order).toEqual(['listener', 'module', 'subscription']);
    expect(module.dispose).toBeTypeOf('function');
  });

  it('disposes at once what is added after dispose (an async set-up finishing late)', () => {
    const disposers = new Disposers();
    disposers.dispose();
    let disposed = false;
    disposers.add(() => {
      disposed = true;
    });
    expect(disposed).toBe(true);
    expect(disposers.isDisposed).toBe(true);
  });
});
