import type { CustomField } from '@shared/directory/customFields';
import { Dim } from '../badges';
import type { TableColumn } from '../table/DataTable';
import { customColumnKey, formatCustomValue } from './model';

/** One table column per custom field, sorted by the backend on its key (`cf:<field id>`). */
export function customFieldColumns<Row extends { custom?: Record<string, string | number> }>(fields: readonly CustomField[]): TableColumn<Row>[] {
  return fields.map((field) => ({
    id: customColumnKey(field.id),
    header: field.label,
    width: field.kind === 'text' ? 200 : field.kind === 'choice' ? 150 : 130,
    sortField: customColumnKey(field.id),
    cell: (row: Row) => <Dim>{formatCustomValue(field, row.custom?.[field.id]) || null}</Dim>,
  }));
}
