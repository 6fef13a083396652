import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Checkbox, Group, Loader, Progress, Radio, SegmentedControl, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconDatabaseImport } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Input } from '@shared/contract';
import { DUPLICATE_STRATEGIES, type DuplicateStrategy, type ImportEntity, type ImportPreview, type ImportResult } from '@shared/directory/imports';
import { call, type RpcError } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import { Page } from '../../../components/Page';
import { Section } from '../../../components/Section';
import { DirectoryNav } from '../DirectoryNav';
import { CheckResults } from './CheckResults';
import { ColumnMapper, FilePreview, type Mapping } from './ColumnMapper';
import { countOf, ENTITY_NOUNS, plural } from './fields';
import { FileDrop } from './FileDrop';
import { discardImport as discard } from './readFile';
import { useProgress } from './useProgress';

type Plan = Input<'imports.check'>;

function planOf(preview: ImportPreview, mapping: Mapping, duplicates: DuplicateStrategy): Plan {
  // The mapper only offers the entity's fields, so the mapping has the plan's shape.
  return { importId: preview.importId, entity: preview.entity, mapping, duplicates } as Plan;
}

/** Where another area's import screen differs from the directory's (Policy ▸ Officials ▸ Import). */
export interface ImportScreen {
  /** The one entity this screen imports (no choice between organizations and people). */
  entity: ImportEntity;
  description: string;
  /** The list the records land in: the back button and "Open …" after the import. */
  listPath: string;
  backLabel: string;
  nav: ReactNode;
  /** What a duplicate is, for the strategy's label ("same name in the same district"). */
  matchedBy: string;
}

/**
 * Directory → Import: a CSV or Excel file in three steps (file, columns and dry run, import).
 * With `screen`, the same steps for another area's entity (officials).
 */
export function ImportPage({ screen }: { screen?: ImportScreen } = {}) {
  const [params, setParams] = useSearchParams();
  const entity: ImportEntity = screen ? screen.entity : params.get('entity') === 'person' ? 'person' : 'organization';
  const listPath = screen ? screen.listPath : entity === 'person' ? '/directory/people' : '/directory';
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [duplicates, setDuplicates] = useState<DuplicateStrategy>('skip');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const client = useQueryClient();

  // A staged file waits in the backend's temporary folder until imported; let it go when the screen does.
  const staged = useRef<string | null>(null);
  useEffect(() => () => discard(staged.current), []);

  const hasName = mapping.includes('name');
  const plan = preview && hasName ? planOf(preview, mapping, duplicates) : null;
  const check = useQuery({
    queryKey: ['imports.check', plan],
    queryFn: () => call('imports.check', plan as Plan),
    enabled: plan !== null && result === null,
    placeholderData: keepPreviousData,
    // A dry run is not a cached fact: a new plan or a re-check always asks again.
    gcTime: 0,
  });

  const run = useMutation<ImportResult, RpcError>({
    mutationFn: () => call('imports.run', { ...(plan as Plan), skipInvalid }),
    onSuccess: async (done) => {
      // The backend let go of the file once it was imported.
      staged.current = null;
      setResult(done);
      // New and changed records show up everywhere: tables, search, pages, representation.
      await client.invalidateQueries({ queryKey: ['rpc'] });
    },
  });
  const progress = useProgress('import', run.isPending);

  function opened(next: ImportPreview) {
    discard(staged.current);
    staged.current = next.importId;
    setPreview(next);
    setMapping(next.mapping);
    setSkipInvalid(false);
    setResult(null);
    run.reset();
  }

  function startOver() {
    discard(staged.current);
    staged.current = null;
    setPreview(null);
    setMapping([]);
    setResult(null);
    run.reset();
  }

  const nouns = ENTITY_NOUNS[entity];
  const active = result ? 2 : preview ? 1 : 0;
  const checked = check.data && !check.isPlaceholderData ? check.data : null;
  const writable = checked ? checked.created + checked.updated : 0;
  const blocked = !checked || (checked.invalid > 0 && !skipInvalid) || writable === 0 || run.isPending;

  return (
    <Page
      title="Import"
      description={
        screen?.description ??
        'Bring a spreadsheet of partners into the directory: match its columns to fields, see every problem row before anything is written, then import in one step.'
      }
      actions={
        <Button component={Link} to={listPath} variant="default" leftSection={<IconArrowLeft size={16} />}>
          {screen?.backLabel ?? 'Back to the directory'}
        </Button>
      }
      nav={screen ? screen.nav : <DirectoryNav />}
    >
      <Stepper active={active} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label="File" description={preview ? preview.fileName : 'CSV or Excel'} />
        <Stepper.Step label="Columns and check" description={preview ? plural(preview.rowCount, 'row') : 'Dry run'} />
        <Stepper.Step label="Import" description={result ? 'Done' : 'One transaction'} />
      </Stepper>

      {active === 0 && (
        <Section title="Choose a file" hint="Every row becomes one record. Exports from Coalition Desk import back as they are.">
          {!screen && (
            <SegmentedControl
              w="fit-content"
              aria-label="What the file holds"
              value={entity}
              onChange={(value) => setParams(value === 'person' ? { entity: 'person' } : {}, { replace: true })}
              data={[
                { value: 'organization', label: 'Organizations' },
                { value: 'person', label: 'People' },
              ]}
            />
          )}
          <FileDrop entity={entity} onOpened={opened} />
        </Section>
      )}

      {preview && active === 1 && (
        <>
          <Section
            title={`${preview.fileName}${preview.sheet ? ` · sheet ${preview.sheet}` : ''}`}
            hint={`${plural(preview.rowCount, 'row')} of ${nouns.many}, ${plural(preview.headers.length, 'column')}. The first rows:`}
          >
            {preview.notes.map((note) => (
              <Text key={note} size="sm" c="dimmed">
                {note}
              </Text>
            ))}
            <FilePreview preview={preview} />
          </Section>

          <Section
            title="Match the columns"
            hint={
              preview.remembered
                ? 'These are the choices you made the last time you imported a file with these columns.'
                : 'Suggested from the column names; change any that are wrong. Columns left out are not imported.'
            }
          >
            <ColumnMapper entity={entity} preview={preview} mapping={mapping} onChange={setMapping} />
            <Radio.Group
              label={screen ? `When a row matches a record already here (${screen.matchedBy})` : 'When a row matches a record already in the directory (same name or email)'}
              value={duplicates}
              onChange={setDuplicates}
            >
              <Group mt="xs" gap="lg">
                {Object.entries(DUPLICATE_STRATEGIES).map(([value, label]) => (
                  <Radio key={value} value={value} label={label} />
                ))}
              </Group>
            </Radio.Group>
          </Section>

          <Section title="Dry run" hint="What the import would do with this mapping. Nothing has been written yet.">
            {!hasName && (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
                Choose the column that holds the {entity === 'organization' ? 'organization name' : 'name'}: every record needs one.
              </Alert>
            )}
            {hasName && check.isFetching && (
              <Group gap="xs">
                <Loader size="xs" />
                <Text size="sm" c="dimmed">
                  Checking {plural(preview.rowCount, 'row')}…
                </Text>
              </Group>
            )}
            {hasName && check.isError && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title="The rows could not be checked" role="alert">
                {errorMessage(check.error)}
              </Alert>
            )}
            {hasName && check.data && <CheckResults entity={entity} check={check.data} />}

            {checked && checked.invalid > 0 && (
              <Checkbox
                checked={skipInvalid}
                onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
                label={`Leave out the ${plural(checked.invalid, 'row')} with problems and import the rest`}
              />
            )}
            {run.isError && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Nothing was imported" role="alert">
                {errorMessage(run.error)}
              </Alert>
            )}
            {run.isPending && (
              <Stack gap={4}>
                <Progress value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0} animated aria-label="Import progress" />
                <Text size="xs" c="dimmed">
                  {progress ? `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} rows` : 'Starting…'}
                </Text>
              </Stack>
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={startOver} disabled={run.isPending}>
                Choose another file
              </Button>
              <Button leftSection={<IconDatabaseImport size={16} />} disabled={blocked} loading={run.isPending} onClick={() => run.mutate()}>
                {checked ? `Import ${countOf(writable, entity)}` : 'Import'}
              </Button>
            </Group>
          </Section>
        </>
      )}

      {result && (
        <Section title="Imported" hint="The import was written in one step; the change history keeps it.">
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title={`${countOf(result.created + result.updated, entity)} imported`} role="status">
            {[
              `${result.created.toLocaleString('en')} created`,
              `${result.updated.toLocaleString('en')} updated`,
              `${result.skipped.toLocaleString('en')} skipped as duplicates`,
              `${result.invalid.toLocaleString('en')} left out with problems`,
            ].join(' · ')}
          </Alert>
          <Group>
            <Button component={Link} to={listPath}>
              Open {nouns.many}
            </Button>
            <Button variant="default" onClick={startOver}>
              Import another file
            </Button>
          </Group>
        </Section>
      )}
    </Page>
  );
}
