import { expect, test } from '@playwright/test';

test('the built app loads from its own origin with no console errors', async ({ page, baseURL }) => {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(baseURL!).origin && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      foreignRequests.push(request.url());
    }
  });
  await page.goto('/');
  await expect(page.getByRole('heading')).toContainText('上海');
  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
