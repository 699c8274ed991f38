// The components of the floor, in one place. The list is what the app's first data page (Backup
// vaults, src/features/vaults/vaults-page.tsx) and its shell (src/app/shell/*, src/app/app.tsx,
// src/app/auth/auth-gate.tsx, src/components/{page-header,filter-bar,subscription-picker,
// router-link,arm-error-message}.tsx) put on screen for a signed-in user in real mode:
//   FluentProvider + webLightTheme, Toaster (app.tsx), Button, Text, Tooltip (header),
//   Menu, MenuTrigger, MenuPopover, MenuList, MenuItem (account menu), Link (router-link),
//   Field, Input, Dropdown, Option (filters, subscription picker), Spinner (loading),
//   MessageBar, MessageBarBody (notices), DataGrid and its parts with createTableColumn,
//   makeStyles + tokens, and the icons of the nav, header and filters.
// The demo-only Badge and the dark theme are left out: a production first page needs neither.
import {
  Button,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Dropdown,
  Field,
  FluentProvider,
  Input,
  Link,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  Toaster,
  tokens,
  Tooltip,
  webLightTheme,
} from '@fluentui/react-components';
import {
  CloudRegular,
  DatabaseRegular,
  HomeRegular,
  PersonRegular,
  SearchRegular,
  TaskListLtrRegular,
  VaultRegular,
  WeatherMoonRegular,
} from '@fluentui/react-icons';

const useStyles = makeStyles({
  header: { display: 'flex', gap: tokens.spacingHorizontalM, padding: tokens.spacingHorizontalM },
  body: { display: 'flex' },
  nav: { display: 'grid', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalL },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM },
});

interface Row {
  name: string;
  resourceGroup: string;
  location: string;
}

const ROWS: Row[] = [
  { name: 'contoso-pg-vault', resourceGroup: 'rg-contoso-backup', location: 'East US' },
  { name: 'contoso-grs-vault', resourceGroup: 'rg-contoso-backup-weu', location: 'West Europe' },
  { name: 'contoso-lrs-vault', resourceGroup: 'rg-contoso-devtest-backup', location: 'East US 2' },
];

const COLUMNS = [
  createTableColumn<Row>({
    columnId: 'name',
    compare: (a, b) => a.name.localeCompare(b.name),
    renderHeaderCell: () => 'Name',
    renderCell: (row) => <Link href={`#${row.name}`}>{row.name}</Link>,
  }),
  createTableColumn<Row>({
    columnId: 'resourceGroup',
    renderHeaderCell: () => 'Resource group',
    renderCell: (row) => row.resourceGroup,
  }),
  createTableColumn<Row>({
    columnId: 'location',
    renderHeaderCell: () => 'Location',
    renderCell: (row) => row.location,
  }),
];

export function FloorPage() {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <Toaster />
      <header className={styles.header}>
        <Text weight="semibold">Backup center</Text>
        <CloudRegular aria-hidden />
        <Tooltip content="Switch to the dark theme" relationship="description">
          <Button icon={<WeatherMoonRegular />} aria-label="Theme" />
        </Tooltip>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<PersonRegular />}>Account</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem>Sign out</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </header>
      <div className={styles.body}>
        <nav aria-label="Backup center" className={styles.nav}>
          <Link href="#">
            <HomeRegular aria-hidden /> Overview
          </Link>
          <Link href="#vaults">
            <VaultRegular aria-hidden /> Backup vaults
          </Link>
          <Link href="#instances">
            <DatabaseRegular aria-hidden /> Backup instances
          </Link>
          <Link href="#jobs">
            <TaskListLtrRegular aria-hidden /> Backup jobs
          </Link>
        </nav>
        <main className={styles.main}>
          <h1>Backup vaults</h1>
          <MessageBar intent="info">
            <MessageBarBody>Floor page of the benchmark.</MessageBarBody>
          </MessageBar>
          <div className={styles.filters}>
            <Field label="Filter by name">
              <Input contentBefore={<SearchRegular />} />
            </Field>
            <Field label="Storage redundancy">
              <Dropdown value="All">
                <Option value="">All</Option>
              </Dropdown>
            </Field>
          </div>
          <Spinner size="tiny" label="Counting…" />
          <DataGrid aria-label="Backup vaults" items={ROWS} columns={COLUMNS} sortable>
            <DataGridHeader>
              <DataGridRow>
                {({ renderHeaderCell }) => <DataGridHeaderCell>{renderHeaderCell()}</DataGridHeaderCell>}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<Row>>
              {({ item, rowId }) => (
                <DataGridRow<Row> key={rowId}>
                  {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
        </main>
      </div>
    </FluentProvider>
  );
}
