import {
  makeStyles,
  shorthands,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';

/** One column of a {@link VirtualGrid}. */
export interface VirtualGridColumn<T> {
  id: string;
  header: string;
  /** Flex basis in px; columns grow from there. */
  width: number;
  render: (row: T) => ReactNode;
  /** Whether the header sorts (default true). */
  sortable?: boolean;
}

/** Sort state of a grid (kept in the URL by the page). */
export interface GridSort {
  column: string;
  direction: 'ascending' | 'descending';
}

export interface VirtualGridProps<T> {
  /** Accessible name of the grid. */
  label: string;
  rows: readonly T[];
  columns: readonly VirtualGridColumn<T>[];
  rowKey: (row: T) => string;
  sort: GridSort;
  onSortChange: (sort: GridSort) => void;
  /** Enter on a row (e.g. open its page). */
  onActivate?: (row: T) => void;
  /** Largest height of the scrolling area (CSS); a short list takes only what it needs. */
  maxHeight?: string;
}

const ROW_HEIGHT = 44;

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    position: 'relative',
  },
  table: { minWidth: '100%', width: 'max-content' },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  body: { position: 'relative' },
  // Body rows are plain elements with Fluent's look, not Fluent's TableRow/TableCell: each of those
  // runs a dozen hooks, and scrolling a long list mounts a screenful of rows every few frames.
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    height: `${ROW_HEIGHT}px`,
    display: 'flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': {
      ...shorthands.outline(tokens.strokeWidthThick, 'solid', tokens.colorStrokeFocus2),
      outlineOffset: '-2px',
    },
  },
  cell: {
    display: 'flex',
    alignItems: 'center',
    alignSelf: 'stretch',
    minWidth: 0,
    overflow: 'hidden',
    paddingInline: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
});

/**
 * A virtualised grid over Fluent's Table primitives for lists of any length: only the rows in
 * view (plus a margin) are in the DOM, while the grid keeps its semantics: `role="grid"`,
 * `aria-rowcount` for the whole list, `aria-rowindex` on each rendered row, sortable column
 * headers with `aria-sort`, and one tab stop with arrow keys, Page Up/Down and Home/End moving
 * between rows (scrolling them into view).
 */
export function VirtualGrid<T>({
  label,
  rows,
  columns,
  rowKey,
  sort,
  onSortChange,
  onActivate,
  maxHeight = '65vh',
}: VirtualGridProps<T>) {
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  // The virtualiser measures the scroller; the initial size is used until then (and in jsdom).
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler cannot memoise; this component is not compiled.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const tabStop = items.some((i) => i.index === activeIndex) ? activeIndex : (items[0]?.index ?? 0);

  useEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const el = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (el) {
      // Scrolls the page too when the row sits below the window's edge.
      el.focus();
      pendingFocus.current = null;
    }
  });

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    pendingFocus.current = next;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const pageSize = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: T) => {
    const keys: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageSize,
      PageUp: index - pageSize,
      Home: 0,
      End: rows.length - 1,
    };
    const target = keys[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && onActivate && event.target === event.currentTarget) {
      event.preventDefault();
      onActivate(row);
    }
  };

  // Stable handlers for the memoised rows; they read the latest render's state through a ref.
  const latest = useRef({ onKeyDown, setActive });
  latest.current = { onKeyDown, setActive };
  const rowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, index: number, row: T) =>
      latest.current.onKeyDown(event, index, row),
    [],
  );
  const rowFocus = useCallback((index: number) => latest.current.setActive(index), []);

  return (
    <div
      ref={scrollerRef}
      className={styles.scroller}
      style={{ height: `min(${(rows.length + 1) * ROW_HEIGHT + 4}px, ${maxHeight})` }}
    >
      <Table
        noNativeElements
        sortable
        role="grid"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        className={styles.table}
      >
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1}>
            {columns.map((c) => {
              const sortable = c.sortable !== false;
              return (
                <TableHeaderCell
                  key={c.id}
                  style={flex(c)}
                  sortable={sortable}
                  sortDirection={sortable && sort.column === c.id ? sort.direction : undefined}
                  onClick={
                    sortable
                      ? () =>
                          onSortChange({
                            column: c.id,
                            direction:
                              sort.column === c.id && sort.direction === 'ascending'
                                ? 'descending'
                                : 'ascending',
                          })
                      : undefined
                  }
                >
                  {c.header}
                </TableHeaderCell>
              );
            })}
          </TableRow>
        </TableHeader>
        <TableBody className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <GridRow<T>
                key={rowKey(row)}
                row={row}
                index={item.index}
                start={item.start}
                tabStop={item.index === tabStop}
                columns={columns}
                rowClassName={styles.row}
                cellClassName={styles.cell}
                onRowFocus={rowFocus}
                onRowKeyDown={rowKeyDown}
              />
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

const flex = (c: { width: number }) => ({ flex: `1 0 ${c.width}px` });

interface GridRowProps<T> {
  row: T;
  index: number;
  start: number;
  tabStop: boolean;
  columns: readonly VirtualGridColumn<T>[];
  rowClassName: string;
  cellClassName: string;
  onRowFocus: (index: number) => void;
  onRowKeyDown: (event: KeyboardEvent<HTMLDivElement>, index: number, row: T) => void;
}

/** One body row; memoised, so scrolling and filtering re-render only rows that changed. */
const GridRow = memo(function GridRow<T>({
  row,
  index,
  start,
  tabStop,
  columns,
  rowClassName,
  cellClassName,
  onRowFocus,
  onRowKeyDown,
}: GridRowProps<T>) {
  return (
    <div
      role="row"
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={tabStop ? 0 : -1}
      className={rowClassName}
      style={{ transform: `translateY(${start}px)` }}
      onFocus={(e: FocusEvent<HTMLDivElement>) => {
        if (e.target === e.currentTarget) onRowFocus(index);
      }}
      onKeyDown={(e) => onRowKeyDown(e, index, row)}
    >
      {columns.map((c) => (
        <div key={c.id} role="gridcell" className={cellClassName} style={flex(c)}>
          {c.render(row)}
        </div>
      ))}
    </div>
  );
}) as <T>(props: GridRowProps<T>) => ReactNode;
