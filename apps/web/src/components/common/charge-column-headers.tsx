import { Table, VisuallyHidden } from '@mantine/core';

/** The closing columns every table of priced rows shares: Monthly, One-time, and the row's actions. */
export function ChargeColumnHeaders() {
  return (
    <>
      <Table.Th scope="col" ta="right">
        Monthly
      </Table.Th>
      <Table.Th scope="col" ta="right">
        One-time
      </Table.Th>
      <Table.Th scope="col">
        <VisuallyHidden>Actions</VisuallyHidden>
      </Table.Th>
    </>
  );
}
