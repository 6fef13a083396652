import { useEffect, useRef, useState, type RefObject } from 'react';
import { Button, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import { draftInput, MAX_GOALS, type Draft } from '@shared/charter/contract';
import { RpcError } from '../../../api/client';
import { focusField, notifyError, notifySuccess, showSaveError, validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { CountedTextarea } from '../../../components/CountedTextarea';
import { Section } from '../../../components/Section';
import { EmptyState } from '../../../components/EmptyState';
import { useUnsavedChangesGuard } from '../../../components/useUnsavedChangesGuard';
import { fieldForIssue, isDraftField, newGoal, sameValues, toDraftInput, toFormValues, type DraftForm, type DraftFormValues } from '../draftForm';
import { useCharterExport } from '../useCharterExport';
import { AdoptModal, type AdoptInput, type AdoptOutcome } from './AdoptModal';
import { GoalCard } from './GoalCard';
import { SaveBar } from './SaveBar';
import { ValuesEditor } from './ValuesEditor';

const TEXT_LIMIT = 5_000;
const CHARTER_READS = ['charter.getDraft', 'charter.compare'] as const;

function focusPending(form: DraftForm, pending: RefObject<readonly string[]>): void {
  const first = pending.current[0];
  pending.current = [];
  if (first !== undefined) focusField(form.getInputNode(first));
}

/** The draft charter: mission, vision, values and goals, saved as a whole. */
export function CharterEditor({ draft }: { draft: Draft }) {
  // What the backend holds; the form is dirty when it says something else.
  const [saved, setSaved] = useState<DraftFormValues>(() => toFormValues(draft));
  const [updatedAt, setUpdatedAt] = useState(draft.updatedAt);
  const [addedGoal, setAddedGoal] = useState<string | null>(null);
  const [adopting, adoptModal] = useDisclosure(false);
  const form = useForm<DraftFormValues>({
    mode: 'controlled',
    initialValues: saved,
    validate: (values) => validateWithSchema(draftInput, toDraftInput(values), fieldForIssue),
  });
  const dirty = !sameValues(form.values, saved);
  useUnsavedChangesGuard(dirty, 'charter changes');

  const save = useRpcMutation('charter.saveDraft', { invalidates: CHARTER_READS });
  const adopt = useRpcMutation('charter.adopt', { invalidates: [...CHARTER_READS, 'charter.listVersions'] });
  const versions = useRpcQuery('charter.listVersions', {});
  const { exportCharter, exporting } = useCharterExport();

  const showError = (title: string, error: unknown) => showSaveError(form, error, { title, mapPath: fieldForIssue, hasField: isDraftField });

  // Brings the first field with an error into view. While the adopt dialog is open it holds the
  // focus, so the field is focused once the dialog has closed.
  const pendingFocus = useRef<readonly string[]>([]);
  const focusFirst = (fields: readonly string[]) => {
    pendingFocus.current = fields;
    if (!adopting) focusPending(form, pendingFocus);
  };
  useEffect(() => {
    if (!adopting) focusPending(form, pendingFocus);
  }, [adopting, form]);

  /** Saves the form; returns the saved draft, or null when it was not saved (errors are shown). */
  async function saveDraft(): Promise<Draft | null> {
    const validation = form.validate();
    if (validation.hasErrors) {
      notifyError('The draft was not saved', new Error('Some fields need attention; they are marked in red.'));
      focusFirst(Object.keys(validation.errors));
      return null;
    }
    try {
      const result = await save.mutateAsync(toDraftInput(form.values));
      // New goals now have ids: take the backend's version, keeping row keys so focus stays put.
      const next = toFormValues(result, form.values);
      form.setValues(next);
      setSaved(next);
      setUpdatedAt(result.updatedAt);
      return result;
    } catch (error) {
      focusFirst(showError('The draft was not saved', error));
      return null;
    }
  }

  async function onExport() {
    const current = dirty ? await saveDraft() : draft;
    if (current) await exportCharter({ edition: 'draft', content: current });
  }

  async function onAdopt(input: AdoptInput): Promise<AdoptOutcome> {
    if (dirty && !(await saveDraft())) return { kind: 'back-to-editor' };
    try {
      const version = await adopt.mutateAsync(input);
      notifySuccess(`The charter was adopted as version ${version.number} on ${version.adoptedOn}.`, `Version ${version.number} adopted`);
      return { kind: 'adopted' };
    } catch (error) {
      // A problem with the charter itself (an empty mission) belongs on the editor's fields.
      const aboutCharter = error instanceof RpcError && error.issues.some((issue) => isDraftField(fieldForIssue(issue.path)));
      if (!aboutCharter) return { kind: 'failed', error };
      focusFirst(showError('The charter was not adopted', error));
      return { kind: 'back-to-editor' };
    }
  }

  function addGoal() {
    const goal = newGoal();
    form.insertListItem('goals', goal);
    setAddedGoal(goal.key);
  }

  const goals = form.values.goals;
  const latest = versions.data?.[0] ?? null;

  return (
    <>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // The save bar reports success; failures are shown by saveDraft.
          void saveDraft();
        }}
      >
        <Stack gap="lg">
          <Section title="Mission and vision" hint="Why the coalition exists, and the world it is working toward.">
            <CountedTextarea
              label="Mission"
              placeholder="We unite … to win …"
              maxChars={TEXT_LIMIT}
              description="What the coalition does and for whom, in a few sentences"
              {...form.getInputProps('mission')}
              value={form.values.mission}
            />
            <CountedTextarea
              label="Vision"
              placeholder="A region where …"
              maxChars={TEXT_LIMIT}
              description="The change the coalition wants to see"
              {...form.getInputProps('vision')}
              value={form.values.vision}
            />
          </Section>

          <Section title="Values" hint="The principles every member organization signs up to, in order of importance.">
            <ValuesEditor form={form} />
          </Section>

          <Section title="Shared goals" hint="What the coalition works toward together: policy change, public awareness and capacity building.">
            {goals.length === 0 ? (
              <EmptyState icon={IconTarget} title="No shared goals yet">
                Add the first goal the coalition commits to. A measurable target makes progress easy to report.
              </EmptyState>
            ) : (
              goals.map((goal, index) => <GoalCard key={goal.key} form={form} index={index} autoFocus={goal.key === addedGoal} />)
            )}
            {typeof form.errors.goals === 'string' && (
              <Text size="sm" c="red">
                {form.errors.goals}
              </Text>
            )}
            <div>
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={addGoal} disabled={goals.length >= MAX_GOALS}>
                Add goal
              </Button>
            </div>
          </Section>

          <SaveBar
            dirty={dirty}
            saving={save.isPending}
            updatedAt={updatedAt}
            exporting={exporting}
            onDiscard={() => {
              form.setValues(saved);
              form.clearErrors();
            }}
            onExport={() => void onExport()}
            onAdopt={adoptModal.open}
          />
        </Stack>
      </form>

      {/* Outside the form: events from the modal's own form would bubble to this one. */}
      <AdoptModal
        opened={adopting}
        onClose={adoptModal.close}
        nextNumber={(draft.latestVersion ?? 0) + 1}
        latestAdoptedOn={latest?.adoptedOn ?? null}
        unsaved={dirty}
        onAdopt={onAdopt}
      />
    </>
  );
}
