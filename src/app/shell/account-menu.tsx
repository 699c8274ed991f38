import {
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
  Toast,
  ToastBody,
  ToastTitle,
  useToastController,
} from '@fluentui/react-components';
import { PersonRegular, SignOutRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from '@/lib/router';
import { useArm } from '@/azure/arm-context';
import { tenantLabel } from '@/azure/tenants/queries';
import { useAuthSession } from '../auth/auth-session';
import { APP_TOASTER_ID } from '../toaster';
import { createTenantQueries } from '@/azure/tenants/queries';

const useStyles = makeStyles({
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
  account: { display: 'grid', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalS },
  username: { color: tokens.colorNeutralForeground2 },
});

/** The section a page belongs to (`/vaults/...` -> `/vaults`): ids in deeper paths are per tenant. */
function sectionOf(pathname: string): string {
  return `/${pathname.split('/')[1] ?? ''}`;
}

/**
 * Real mode's account control in the header: who is signed in, in which directory; switching the
 * directory re-acquires tokens from that tenant's authority and returns to the section's start
 * page (ids of the old tenant mean nothing in the new one); sign out.
 */
export function AccountMenu() {
  const styles = useStyles();
  const { session, snapshot } = useAuthSession();
  const arm = useArm();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { dispatchToast } = useToastController(APP_TOASTER_ID);
  const signedIn = snapshot.status === 'signedIn' ? snapshot.account : undefined;
  const tenants = useQuery({
    ...arm.group(createTenantQueries).queries.list(),
    staleTime: 60 * 60 * 1000,
    enabled: signedIn !== undefined,
  });

  if (snapshot.status === 'starting') return <Text className={styles.onBrand}>Signing in…</Text>;
  if (!signedIn) return <Text className={styles.onBrand}>Not signed in</Text>;

  const current = tenants.data?.find((t) => t.tenantId?.toLowerCase() === signedIn.tenantId.toLowerCase());
  const directory = tenantLabel(current, signedIn.tenantId);

  const switchTo = async (tenantId: string) => {
    const section = sectionOf(pathname);
    const returnTo = new URL(`.${section}`, new URL(import.meta.env.BASE_URL, window.location.origin)).href;
    try {
      // Leave the page first, and commit that before the scope changes (flushSync: a navigation is
      // otherwise a transition, and the new directory's pages would first render the old URL,
      // which names resources of the old directory, and request them with the new token).
      await navigate(section, { flushSync: true });
      await session.switchTenant(tenantId, returnTo);
    } catch (error) {
      dispatchToast(
        <Toast>
          <ToastTitle>Could not switch directory</ToastTitle>
          <ToastBody>{error instanceof Error ? error.message : String(error)}</ToastBody>
        </Toast>,
        { intent: 'error', timeout: 10000 },
      );
    }
  };

  return (
    <Menu
      checkedValues={{ directory: [signedIn.tenantId] }}
      onCheckedValueChange={(_, data) => {
        const tenantId = data.checkedItems[0];
        if (data.name === 'directory' && tenantId) void switchTo(tenantId);
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="subtle" className={styles.onBrand} icon={<PersonRegular />}>
          {signedIn.name} · {directory}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <div className={styles.account}>
            <Text weight="semibold">{signedIn.name}</Text>
            <Text className={styles.username}>{signedIn.username}</Text>
          </div>
          <MenuDivider />
          <MenuGroup>
            <MenuGroupHeader>Directory</MenuGroupHeader>
            {tenants.isError && <MenuItem disabled>Directories could not be listed</MenuItem>}
            {(tenants.data ?? []).map((t) =>
              t.tenantId ? (
                <MenuItemRadio key={t.tenantId} name="directory" value={t.tenantId}>
                  {tenantLabel(t, t.tenantId)}
                </MenuItemRadio>
              ) : null,
            )}
          </MenuGroup>
          <MenuDivider />
          <MenuItem icon={<SignOutRegular />} onClick={() => void session.signOut()}>
            Sign out
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
