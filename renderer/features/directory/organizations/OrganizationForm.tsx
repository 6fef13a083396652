import { Button, Divider, Group, Loader, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { organizationInput, type Organization, type OrganizationInput } from '@shared/directory/organizations';
import { focusField, showSaveError, validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import type { CustomField } from '@shared/directory/customFields';
import { CustomFieldInputs } from '../customFields/CustomFieldInputs';
import { toCustomFormValues, toCustomInput, type CustomFormValues } from '../customFields/model';
import { BUDGET_OPTIONS, CONTRIBUTION_OPTIONS, SECTOR_OPTIONS, STAGE_OPTIONS, TIER_OPTIONS, TYPE_GROUPS } from '../labels';
import { DIRECTORY_READS } from '../reads';

/** The form's model: selects hold '' while empty and numbers may be '' (Mantine's empty NumberInput). */
export interface OrganizationFormValues {
  name: string;
  otherNames: string[];
  sector: string;
  type: string;
  issueAreas: string[];
  regions: string[];
  populations: string[];
  alignment: { score: string; note: string };
  stage: string;
  tier: string;
  contributions: string[];
  website: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  district: string;
  registrationNumber: string;
  staffSize: number | string;
  budgetBand: string;
  tags: string[];
  notes: string;
  /** Custom field values by field id ('' while empty). */
  custom: CustomFormValues;
}

const EMPTY: OrganizationFormValues = {
  name: '',
  otherNames: [],
  sector: '',
  type: '',
  issueAreas: [],
  regions: [],
  populations: [],
  alignment: { score: '', note: '' },
  stage: 'identified',
  tier: '',
  contributions: [],
  website: '',
  email: '',
  phone: '',
  address: '',
  city: '',
  district: '',
  registrationNumber: '',
  staffSize: '',
  budgetBand: '',
  tags: [],
  notes: '',
  custom: {},
};

export function toFormValues(org: Organization): OrganizationFormValues {
  return {
    ...org,
    alignment: { score: org.alignment.score === null ? '' : String(org.alignment.score), note: org.alignment.note },
    tier: org.tier ?? '',
    staffSize: org.staffSize ?? '',
    budgetBand: org.budgetBand ?? '',
  };
}

/** What the contract receives. Empty choices become null (or stay '' for required ones, so validation names them). */
export function toOrganizationInput(v: OrganizationFormValues): OrganizationInput {
  return {
    name: v.name,
    otherNames: v.otherNames,
    sector: v.sector as OrganizationInput['sector'],
    type: v.type as OrganizationInput['type'],
    issueAreas: v.issueAreas,
    regions: v.regions,
    populations: v.populations,
    alignment: { score: v.alignment.score === '' ? null : Number(v.alignment.score), note: v.alignment.note },
    stage: v.stage as OrganizationInput['stage'],
    tier: v.tier === '' ? null : (v.tier as OrganizationInput['tier']),
    contributions: v.contributions as OrganizationInput['contributions'],
    website: v.website,
    email: v.email,
    phone: v.phone,
    address: v.address,
    city: v.city,
    district: v.district,
    registrationNumber: v.registrationNumber,
    staffSize: v.staffSize === '' ? null : Number(v.staffSize),
    budgetBand: v.budgetBand === '' ? null : (v.budgetBand as OrganizationInput['budgetBand']),
    tags: v.tags,
    notes: v.notes,
    custom: toCustomInput(v.custom),
  };
}

/** Contract paths that have a field here ('otherNames.2' shows on the Other names field). */
function fieldFor(path: string): string {
  return path.replace(/^(otherNames|issueAreas|regions|populations|contributions|tags)\.\d+$/, '$1');
}
const FIELDS = new Set([...Object.keys(EMPTY), 'alignment.score', 'alignment.note']);

interface OrganizationFormProps {
  opened: boolean;
  onClose: () => void;
  /** The organization being edited; absent for a new one. */
  organization?: Organization;
  onSaved: (organization: Organization) => void;
}

/** Every field of an organization, in a modal; validated with the contract's schema before sending. */
export function OrganizationFormModal({ opened, onClose, organization, onSaved }: OrganizationFormProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={organization ? `Edit ${organization.name}` : 'New organization'} size="xl">
      {/* Mounted only while open, so every opening starts from the saved record. */}
      {opened && <OrganizationFormLoader organization={organization} onSaved={onSaved} onCancel={onClose} />}
    </Modal>
  );
}

interface FormProps {
  organization?: Organization | undefined;
  onSaved: (o: Organization) => void;
  onCancel: () => void;
}

/** The form starts once the custom fields are known, so each has its input and initial value. */
function OrganizationFormLoader(props: FormProps) {
  const fields = useRpcQuery('customFields.list', { entity: 'organization' });
  if (fields.isPending) return <Loader size="sm" aria-label="Loading the form" />;
  // Without the custom fields (a failed read) the form still edits everything else; their values are kept.
  return <OrganizationForm {...props} customFields={fields.data ?? []} />;
}

function OrganizationForm({ organization, onSaved, onCancel, customFields }: FormProps & { customFields: CustomField[] }) {
  const issueAreas = useRpcQuery('vocabulary.list', { kind: 'issue_area' });
  const populations = useRpcQuery('vocabulary.list', { kind: 'population' });
  const create = useRpcMutation('organizations.create', { invalidates: DIRECTORY_READS });
  const update = useRpcMutation('organizations.update', { invalidates: DIRECTORY_READS });
  const form = useForm<OrganizationFormValues>({
    mode: 'controlled',
    initialValues: {
      ...(organization ? toFormValues(organization) : EMPTY),
      custom: toCustomFormValues(customFields, organization?.custom),
    },
    validate: (values) => validateWithSchema(organizationInput, toOrganizationInput(values), fieldFor),
  });
  const saving = create.isPending || update.isPending;
  const title = organization ? 'The organization was not saved' : 'The organization was not created';

  const submit = form.onSubmit(
    (values) => {
      const input = toOrganizationInput(values);
      const handlers = {
        onSuccess: onSaved,
        onError: (error: unknown) => {
          const fields = showSaveError(form, error, { title, mapPath: fieldFor, hasField: (f) => FIELDS.has(f) || f.startsWith('custom.') });
          if (fields[0]) focusField(form.getInputNode(fields[0]));
        },
      };
      if (organization) update.mutate({ id: organization.id, organization: input }, handlers);
      else create.mutate(input, handlers);
    },
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) focusField(form.getInputNode(first));
    },
  );

  const vocabulary = (list: readonly string[] | undefined, chosen: readonly string[]) => [...new Set([...(list ?? []), ...chosen])];

  return (
    <form onSubmit={submit} noValidate aria-label={organization ? 'Edit organization' : 'New organization'}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput label="Organization name" withAsterisk data-autofocus {...form.getInputProps('name')} />
          <TagsInput label="Other names" description="Acronyms, former names; press Enter after each" {...form.getInputProps('otherNames')} />
          <Select label="Sector" withAsterisk data={SECTOR_OPTIONS} {...form.getInputProps('sector')} />
          <Select label="Type" withAsterisk searchable data={TYPE_GROUPS} {...form.getInputProps('type')} />
          <Select label="Stage" withAsterisk data={STAGE_OPTIONS} allowDeselect={false} {...form.getInputProps('stage')} />
          <Select label="Tier" description="Members only" clearable data={TIER_OPTIONS} {...form.getInputProps('tier')} />
        </SimpleGrid>

        <Divider label="Focus" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <MultiSelect label="Issue areas" searchable data={vocabulary(issueAreas.data, form.values.issueAreas)} {...form.getInputProps('issueAreas')} />
          <MultiSelect label="Populations" searchable data={vocabulary(populations.data, form.values.populations)} {...form.getInputProps('populations')} />
          <TagsInput label="Regions" description="Press Enter after each" {...form.getInputProps('regions')} />
          <MultiSelect label="Contributions" description="What the organization can bring" data={CONTRIBUTION_OPTIONS} {...form.getInputProps('contributions')} />
          <Select
            label="Alignment score"
            description="Mission alignment, 1 (low) to 5 (high)"
            clearable
            data={['1', '2', '3', '4', '5']}
            {...form.getInputProps('alignment.score')}
          />
          <TextInput label="Alignment note" {...form.getInputProps('alignment.note')} />
        </SimpleGrid>

        <Divider label="Contact" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
          <TextInput label="Website" placeholder="example.org" {...form.getInputProps('website')} />
          <TextInput label="Email" placeholder="info@example.org" {...form.getInputProps('email')} />
          <TextInput label="Phone" {...form.getInputProps('phone')} />
          <TextInput label="Address" {...form.getInputProps('address')} />
          <TextInput label="City" {...form.getInputProps('city')} />
          <TextInput label="District" {...form.getInputProps('district')} />
        </SimpleGrid>

        <Divider label="Organization" labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
          <TextInput label="Registration number" {...form.getInputProps('registrationNumber')} />
          <NumberInput label="Staff size" min={0} allowDecimal={false} {...form.getInputProps('staffSize')} />
          <Select label="Budget band" clearable data={BUDGET_OPTIONS} {...form.getInputProps('budgetBand')} />
        </SimpleGrid>
        <TagsInput label="Tags" description="Press Enter after each" {...form.getInputProps('tags')} />
        <Textarea label="Notes" autosize minRows={3} maxRows={10} {...form.getInputProps('notes')} />
        <CustomFieldInputs form={form} fields={customFields} />

        {Object.keys(form.errors).length > 0 && (
          <Text size="sm" c="red" role="alert">
            Some fields need attention; they are marked in red.
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save organization
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

