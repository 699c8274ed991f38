import { expectAccessible } from '../fixtures';
import { MISCONFIGURED_BASE, azureTest as test, expect } from './fixtures';

test('a build with an invalid configuration says what is wrong and how to fix it, and calls nobody', async ({
  page,
  context,
}) => {
  const remote: string[] = [];
  context.on('request', (request) => {
    if (
      new URL(request.url()).origin !==
      new URL(page.url() === 'about:blank' ? request.url() : page.url()).origin
    )
      remote.push(request.url());
  });
  await page.goto(MISCONFIGURED_BASE);
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'CRR Portal cannot start: the Azure configuration needs fixing',
    }),
  ).toBeVisible();
  const problems = page.getByRole('list', { name: 'Configuration problems' }).getByRole('listitem');
  await expect(problems).toHaveText([
    'VITE_AZURE_CLIENT_ID is "my-app", which is not an Application (client) ID: those are GUIDs such as 00000000-0000-0000-0000-000000000000.' +
      "How to fix it: Copy the Application (client) ID from the app registration's Overview page in the Entra admin center.",
    'VITE_AZURE_CLOUD is "AzureGermanCloud", which is not an Azure cloud this app knows.' +
      'How to fix it: Use one of AzureCloud, AzurePublicCloud, AzureUSGovernment, AzureChinaCloud, or leave it out for the public cloud.',
  ]);
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  expect(remote).toEqual([]);
  await expectAccessible(page);
});
