import { useState } from 'react';
import { Spotlight, type SpotlightActionData, type SpotlightActionGroupData, type SpotlightFilterFunction } from '@mantine/spotlight';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowBackUp, IconBuildingCommunity, IconGitCompare, IconHistory, IconPencil, IconSearch, IconSunMoon, IconUser } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useRpcQuery } from '../api/queries';
import { organizationHref, personHref } from '../features/directory/reads';
import { AREAS } from './areas';
import { useThemeToggle } from './ThemeToggle';

const iconProps = { size: 18, stroke: 1.6 } as const;
const DIRECTORY_GROUP = 'Organizations and people';

/** Case- and accent-insensitive text for matching commands ("Sao" finds "São"). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Commands match on their label and description; directory results are the backend's own
 * (accent-insensitive, every word) and are shown as they come.
 */
const filter: SpotlightFilterFunction = (query, groups) => {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((item) => {
      if (!('actions' in item) || item.group === DIRECTORY_GROUP) return item;
      const actions = item.actions.filter((action) => {
        const text = fold(`${String(action.label ?? '')} ${String(action.description ?? '')}`);
        return words.every((w) => text.includes(w));
      });
      return { ...item, actions };
    })
    .filter((item) => !('actions' in item) || item.actions.length > 0);
};

/** Ctrl/Cmd+K: jump to any area or run a common action from the keyboard. */
export function CommandPalette() {
  const navigate = useNavigate();
  const theme = useThemeToggle();
  const go = (path: string) => () => void navigate(path);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const search = useRpcQuery('directory.search', { query: debounced, limit: 8 }, { enabled: debounced.length > 0 });
  const found = debounced.length > 0 ? (search.data ?? []) : [];

  const actions: SpotlightActionGroupData[] = [
    ...(found.length > 0
      ? [
          {
            group: DIRECTORY_GROUP,
            actions: found.map(
              (result): SpotlightActionData => ({
                id: `${result.entity}:${result.id}`,
                label: result.name,
                description: result.detail || (result.entity === 'organization' ? 'Organization' : 'Person'),
                leftSection: result.entity === 'organization' ? <IconBuildingCommunity {...iconProps} /> : <IconUser {...iconProps} />,
                onClick: go(result.entity === 'organization' ? organizationHref(result.id) : personHref(result.id)),
              }),
            ),
          },
        ]
      : []),
    {
      group: 'Go to',
      actions: AREAS.map(
        (area): SpotlightActionData => ({
          id: `go:${area.path}`,
          label: area.label,
          description: area.built ? area.summary : `Coming soon — ${area.summary}`,
          leftSection: <area.icon {...iconProps} />,
          onClick: go(area.path),
        }),
      ),
    },
    {
      group: 'Charter',
      actions: [
        {
          id: 'charter:edit',
          label: 'Edit charter',
          description: 'Mission, vision, values and shared goals',
          leftSection: <IconPencil {...iconProps} />,
          onClick: go('/charter'),
        },
        {
          id: 'charter:versions',
          label: 'Charter versions',
          description: 'Every adopted version',
          leftSection: <IconHistory {...iconProps} />,
          onClick: go('/charter/versions'),
        },
        {
          id: 'charter:compare',
          label: 'Compare versions',
          description: 'What changed between two versions',
          leftSection: <IconGitCompare {...iconProps} />,
          onClick: go('/charter/compare'),
        },
      ],
    },
    {
      group: 'Directory',
      actions: [
        {
          id: 'directory:organizations',
          label: 'Organizations',
          description: 'The table of partner organizations',
          leftSection: <IconBuildingCommunity {...iconProps} />,
          onClick: go('/directory'),
        },
        {
          id: 'directory:people',
          label: 'People',
          description: 'Advocates, community leaders and contacts',
          leftSection: <IconUser {...iconProps} />,
          onClick: go('/directory/people'),
        },
      ],
    },
    {
      group: 'Workspace',
      actions: [
        {
          id: 'history:list',
          label: 'History',
          description: 'Every change, who made it and when',
          leftSection: <IconHistory {...iconProps} />,
          onClick: go('/history'),
        },
        {
          id: 'history:undo',
          label: 'Undo last change…',
          description: 'Revert the latest change (an import, a merge or a bulk edit as one step)',
          leftSection: <IconArrowBackUp {...iconProps} />,
          onClick: go('/history?undo=last'),
        },
      ],
    },
    {
      group: 'Preferences',
      actions: [
        {
          id: 'theme:toggle',
          label: 'Toggle theme',
          description: theme.dark ? 'Switch to the light theme' : 'Switch to the dark theme',
          leftSection: <IconSunMoon {...iconProps} />,
          onClick: theme.toggle,
        },
      ],
    },
  ];

  return (
    <Spotlight
      actions={actions}
      query={query}
      onQueryChange={setQuery}
      filter={filter}
      shortcut={['mod + K']}
      nothingFound={
        search.isFetching ? 'Searching the directory…' : 'Nothing matches. Try a partner’s name, or an area like “Charter” or “Meetings”.'
      }
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.6} />,
        placeholder: 'Find a partner, jump to an area or run a command…',
        'aria-label': 'Search commands',
      }}
    />
  );
}
