import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ArmError } from '@/azure/arm-error';
import { RETRY_RULES, type ArmErrorKind } from '@/azure/retry-rules';
import { errorOfKind } from '@/azure/test-utils';
import { renderWithProviders } from '@/testing/render';
import { explainCode, explainError, missingAction } from './arm-error-explanations';
import { ArmErrorMessage } from './arm-error-message';
import { SignInAgainContext } from './sign-in-again';

const FORBIDDEN_MESSAGE =
  "The client 'admin@contoso.com' with object id '1111' does not have authorization to perform action 'Microsoft.DataProtection/backupVaults/write' over scope '/subscriptions/x' or the scope is invalid.";

function armError(
  status: number,
  code: string,
  message = 'm',
  extra: Partial<ConstructorParameters<typeof ArmError>[0]> = {},
) {
  return new ArmError({
    status,
    code,
    message,
    requestId: 'req-123',
    correlationRequestId: 'corr-456',
    ...extra,
  });
}

describe('explainError', () => {
  it('names the missing RBAC action and the role that usually grants it on 403', () => {
    const e = explainError(armError(403, 'AuthorizationFailed', FORBIDDEN_MESSAGE));
    expect(e.text).toContain('Microsoft.DataProtection/backupVaults/write');
    expect(e.text).toContain('Backup Contributor');
    expect(e.retryable).toBe(false);
  });

  it('extracts the action from the ARM message', () => {
    expect(missingAction(FORBIDDEN_MESSAGE)).toBe('Microsoft.DataProtection/backupVaults/write');
    expect(missingAction('nothing here')).toBeUndefined();
  });

  it.each([
    [409, 'Conflict', true, /Another operation/],
    [404, 'ResourceNotFound', false, /Not found/],
    [429, 'TooManyRequests', true, /throttling/],
    [503, 'ServiceUnavailable', true, /could not complete/],
    [401, 'AuthenticationFailed', false, /sign-in has expired/],
    [0, 'NetworkError', true, /could not be reached/],
  ])('status %i has a defined explanation', (status, code, retryable, title) => {
    const e = explainError(armError(status, code));
    expect(e.title).toMatch(title);
    expect(e.retryable).toBe(retryable);
  });

  it('prefers a known Azure Backup code over the status', () => {
    const e = explainError(armError(400, 'UserErrorDatabaseNameAlreadyInUse'));
    expect(e.title).toBe('A database with that name already exists');
  });

  it('says how long to wait when ARM sent Retry-After', () => {
    expect(explainError(armError(429, 'TooManyRequests', 'm', { retryAfterMs: 7000 })).text).toContain(
      'Wait 7 seconds',
    );
  });
});

describe('explainCode', () => {
  // The job error codes users meet (domain notes), each with a meaning and a next step.
  it.each([
    'UserErrorMSIMissingPermissions',
    'UserErrorMissingNetworkSecurityPermissions',
    'UserErrorContainerNotAccessible',
    'UserErrorDBUserAuthFailed',
    'UserErrorInvalidSecret',
    'UserErrorMissingDBPermissions',
    'UserErrorSecretValueInUnsupportedFormat',
    'UserErrorInvalidSecretStore',
    'UserErrorMissingPermissionsOnSecretStore',
    'UserErrorDBNotFound',
    'UserErrorDatabaseNameAlreadyInUse',
    'UserErrorServerConnectionClosed',
  ])('%s has an explanation and a next step', (code) => {
    const e = explainCode(code);
    expect(e?.text).toBeTruthy();
    expect(e?.nextStep).toBeTruthy();
  });

  it('knows nothing of unknown codes', () => {
    expect(explainCode('SomethingNew')).toBeUndefined();
    expect(explainCode(undefined)).toBeUndefined();
  });

  it('ArmErrorMessage shows the next step of a known code', () => {
    renderWithProviders(<ArmErrorMessage error={armError(400, 'UserErrorDatabaseNameAlreadyInUse')} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Next step: Choose another database name or another target server.',
    );
  });
});

describe('ArmErrorMessage', () => {
  it('shows code, message and request ids, and copies the details', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderWithProviders(
      <ArmErrorMessage error={armError(409, 'Conflict', 'Busy vault')} onRetry={() => {}} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Another operation is in progress');
    expect(screen.getByText('Conflict')).toBeInTheDocument();
    expect(screen.getByText('Busy vault')).toBeInTheDocument();
    expect(screen.getByText('req-123')).toBeInTheDocument();
    expect(screen.getByText('corr-456')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('"requestId": "req-123"'));
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  it('offers no Retry for errors that retrying cannot fix', () => {
    renderWithProviders(
      <ArmErrorMessage error={armError(403, 'AuthorizationFailed', FORBIDDEN_MESSAGE)} onRetry={() => {}} />,
    );
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });
});

describe('Retry is offered exactly where the retry table says the user may retry', () => {
  it.each(Object.keys(RETRY_RULES) as ArmErrorKind[])('%s', (kind) => {
    expect(explainError(errorOfKind(kind)).retryable).toBe(RETRY_RULES[kind].user);
  });
});

describe('ArmErrorMessage: Sign in again', () => {
  it('offers "Sign in again" for a 401 when the app can renew the sign-in, and starts it on click', async () => {
    const signInAgain = vi.fn();
    renderWithProviders(
      <SignInAgainContext.Provider value={signInAgain}>
        <ArmErrorMessage error={armError(401, 'AuthenticationRequired', 'Could not get a token')} />
      </SignInAgainContext.Provider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(signInAgain).toHaveBeenCalledTimes(1);
  });

  it('offers it neither in the demo (nothing to renew) nor for other failures', () => {
    renderWithProviders(<ArmErrorMessage error={armError(401, 'AuthenticationRequired')} />);
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
    renderWithProviders(
      <SignInAgainContext.Provider value={vi.fn()}>
        <ArmErrorMessage error={armError(403, 'AuthorizationFailed', FORBIDDEN_MESSAGE)} />
      </SignInAgainContext.Provider>,
    );
    expect(screen.queryByRole('button', { name: 'Sign in again' })).toBeNull();
  });
});
