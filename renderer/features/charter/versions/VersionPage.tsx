import { Anchor, Blockquote, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconGitCompare, IconQuote } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useRpcQuery } from '../../../api/queries';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { CharterContentView } from '../CharterContentView';
import { compareLink } from '../compare/compareLink';
import { useCharterExport } from '../useCharterExport';

/** Charter → Versions → one adopted version, read-only. */
export function VersionPage() {
  const number = Number(useParams().number);
  const valid = Number.isInteger(number) && number > 0;
  const version = useRpcQuery('charter.getVersion', { number: valid ? number : 1 }, { enabled: valid });
  const { exportCharter, exporting } = useCharterExport();

  const back = (
    <Anchor component={Link} to="/charter/versions" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        All versions
      </Group>
    </Anchor>
  );

  if (!valid || version.isError) {
    return (
      <Stack>
        {back}
        <QueryError
          title={valid ? `Version ${number} could not be read` : 'No such version'}
          error={version.error ?? new Error('The address does not name a charter version.')}
        />
      </Stack>
    );
  }
  if (!version.data) return <Loading label={`Loading version ${number}`} />;
  const v = version.data;

  return (
    <Stack gap="lg">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} fz="xl">
            Version {v.number}
          </Title>
          <Text size="sm" c="dimmed">
            Adopted on {formatDate(v.adoptedOn)} · read-only
          </Text>
        </Stack>
        <Group gap="xs">
          {v.number > 1 && (
            <Button component={Link} to={compareLink(v.number - 1, v.number)} variant="default" leftSection={<IconGitCompare size={16} />}>
              Compare with version {v.number - 1}
            </Button>
          )}
          <Button component={Link} to={compareLink(v.number, 'draft')} variant="default" leftSection={<IconGitCompare size={16} />}>
            Compare with draft
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exporting}
            onClick={() => void exportCharter({ edition: v.number, adoptedOn: v.adoptedOn, note: v.note, content: v.content })}
          >
            Export as Markdown
          </Button>
        </Group>
      </Group>
      {v.note && (
        <Blockquote icon={<IconQuote size={18} />} iconSize={32} p="md" radius="md" cite="Adoption note">
          {v.note}
        </Blockquote>
      )}
      <CharterContentView content={v.content} />
    </Stack>
  );
}
