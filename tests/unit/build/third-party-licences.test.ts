import { describe, expect, it } from 'vitest';
import { isCopyleft, packageRootOf, renderLicenceFile } from '../../../scripts/third-party-licences';

describe('third-party licences', () => {
  it('finds the package of a module, scoped or not, nested or not, and none for the app', () => {
    expect(packageRootOf('/repo/node_modules/react/cjs/react.production.js')).toBe(
      '/repo/node_modules/react',
    );
    expect(packageRootOf('/repo/node_modules/@turf/area/dist/esm/index.js')).toBe(
      '/repo/node_modules/@turf/area',
    );
    expect(packageRootOf('/repo/node_modules/a/node_modules/b/index.js?commonjs-es-import')).toBe(
      '/repo/node_modules/a/node_modules/b',
    );
    expect(packageRootOf('\0/repo/node_modules/highs/build/highs.wasm?url')).toBe('/repo/node_modules/highs');
    expect(packageRootOf('/repo/src/map/app-map.ts')).toBeUndefined();
    expect(packageRootOf('\0vite/preload-helper.js')).toBeUndefined();
  });

  it('refuses copyleft licences unless a permissive choice is offered', () => {
    expect(isCopyleft('GPL-3.0-only')).toBe(true);
    expect(isCopyleft('AGPL-3.0')).toBe(true);
    expect(isCopyleft('LGPL-2.1-or-later')).toBe(true);
    expect(isCopyleft('(MIT OR GPL-3.0)')).toBe(false);
    expect(isCopyleft('BSD-3-Clause')).toBe(false);
    expect(isCopyleft('MIT')).toBe(false);
  });

  it('writes one section per package, sorted, each with its licence text', () => {
    const text = renderLicenceFile([
      { name: 'react', version: '19.0.0', licence: 'MIT', repository: '', text: 'MIT text of React' },
      { name: 'maplibre-gl', version: '6.0.0', licence: 'BSD-3-Clause', repository: 'r', text: 'BSD text' },
    ]);
    expect(text).toContain('2 packages');
    const maplibre = text.indexOf('maplibre-gl 6.0.0 — BSD-3-Clause\nr\n');
    const react = text.indexOf('react 19.0.0 — MIT\n');
    expect(maplibre).toBeGreaterThan(0);
    expect(react).toBeGreaterThan(maplibre);
    expect(text.slice(maplibre, react)).toContain('BSD text');
    expect(text.slice(react)).toContain('MIT text of React');
  });
});
