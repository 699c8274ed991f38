import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { scopedStorageKey } from '@/azure/account-scope';
import { createArm } from '@/azure/arm';
import { ArmContext } from '@/azure/arm-context';
import { DemoCredential } from '@/azure/credentials';
import { useFormDraft } from './form-draft';

type Choice = 'Enabled' | 'Disabled';
const isChoice = (value: unknown): value is Choice => value === 'Enabled' || value === 'Disabled';

function wrapperFor(scope: string) {
  const arm = createArm({ credential: new DemoCredential(), accountScope: () => scope });
  return ({ children }: { children: ReactNode }) => (
    <ArmContext.Provider value={arm}>{children}</ArmContext.Provider>
  );
}

describe('useFormDraft', () => {
  beforeEach(() => sessionStorage.clear());

  it('brings a half-filled form back after the page is reloaded (a sign-in redirect), for the same account', () => {
    const first = renderHook(() => useFormDraft<Choice>('crr:vault-1', 'Disabled', isChoice), {
      wrapper: wrapperFor('alex|contoso'),
    });
    act(() => first.result.current[1]('Enabled'));
    first.unmount();

    const again = renderHook(() => useFormDraft<Choice>('crr:vault-1', 'Disabled', isChoice), {
      wrapper: wrapperFor('alex|contoso'),
    });
    expect(again.result.current[0]).toBe('Enabled');
    expect(sessionStorage.getItem(scopedStorageKey('alex|contoso', 'draft:crr:vault-1'))).toBe('"Enabled"');
  });

  it('never shows one account’s draft to another, and forgets it once cleared', () => {
    const alex = renderHook(() => useFormDraft<Choice>('crr:vault-1', 'Disabled', isChoice), {
      wrapper: wrapperFor('alex|contoso'),
    });
    act(() => alex.result.current[1]('Enabled'));
    const other = renderHook(() => useFormDraft<Choice>('crr:vault-1', 'Disabled', isChoice), {
      wrapper: wrapperFor('alex|fabrikam'),
    });
    expect(other.result.current[0]).toBe('Disabled');

    act(() => alex.result.current[2]());
    const later = renderHook(() => useFormDraft<Choice>('crr:vault-1', 'Disabled', isChoice), {
      wrapper: wrapperFor('alex|contoso'),
    });
    expect(later.result.current[0]).toBe('Disabled');
  });

  it('ignores a stored value that no longer has the form’s shape', () => {
    sessionStorage.setItem(scopedStorageKey('alex|contoso', 'draft:crr:vault-1'), '"Maybe"');
    const { result } = renderHook(() => useFormDraft<Choice>('crr:vault-1', 'Disabled', isChoice), {
      wrapper: wrapperFor('alex|contoso'),
    });
    expect(result.current[0]).toBe('Disabled');
  });
});
