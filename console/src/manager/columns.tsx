import { Button, type PrimaryTableCol, type TableRowData } from 'tdesign-react';

/** The column that opens a row in the drawer beside the table: a real button, so the keyboard reaches it. */
export const openColumn = <T extends TableRowData>(label: string, open: (row: T) => void): PrimaryTableCol<T> => ({
  colKey: 'op',
  title: '操作',
  width: 80,
  cell: ({ row }) => (
    <Button variant="text" theme="primary" onClick={() => open(row)}>
      {label}
    </Button>
  ),
});
