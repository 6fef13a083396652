import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CustomFieldEntity, CustomValues } from '@shared/directory/customFields';
import { useRpcQuery } from '../../../api/queries';
import { Section } from '../../../components/Section';
import { FieldList } from '../detail/FieldList';
import { formatCustomValue } from './model';

/** A partner page's custom field values (nothing when the entity has no custom fields). */
export function CustomFieldSection({ entity, values }: { entity: CustomFieldEntity; values: CustomValues }) {
  const fields = useRpcQuery('customFields.list', { entity });
  if (!fields.data || fields.data.length === 0) return null;
  return (
    <Section title="Custom fields">
      <FieldList items={fields.data.map((field) => ({ label: field.label, value: formatCustomValue(field, values[field.id]) }))} />
      <Text size="xs" c="dimmed">
        <Anchor component={Link} to="/directory/fields" size="xs">
          Manage fields
        </Anchor>
      </Text>
    </Section>
  );
}
