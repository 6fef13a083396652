import { Box, Group, Kbd, NavLink, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { IconBookmark, IconDatabase, IconHistory, IconHome, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import type { Profile } from '@shared/profile/contract';
import type { WorkspaceInfo } from '@shared/workspace/contract';
import { useRpcQuery } from '../api/queries';
import { viewHref } from '../features/directory/table/DirectoryTable';
import { CoalitionLogo } from '../features/profile/CoalitionLogo';
import { AREAS, SECTIONS } from './areas';
import { ThemeToggle } from './ThemeToggle';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Sidebar({ profile, workspace }: { profile: Profile; workspace: WorkspaceInfo }) {
  const { pathname } = useLocation();
  const views = useRpcQuery('views.list', {});
  return (
    <Stack gap={0} h="100%">
      <Group gap="sm" wrap="nowrap" px="md" pt="md" pb="sm">
        <CoalitionLogo profile={profile} size={38} />
        <Box style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
            Coalition Desk
          </Text>
          <Text size="sm" fw={600} truncate="end" title={profile.name}>
            {profile.name}
          </Text>
        </Box>
      </Group>

      <Box px="sm" pb="xs">
        <UnstyledButton
          className="palette-button"
          onClick={() => spotlight.open()}
          aria-label="Open command palette"
          aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
        >
          <Group gap="xs" wrap="nowrap">
            <IconSearch size={15} stroke={1.7} aria-hidden />
            <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
              Search or jump to…
            </Text>
            <Kbd size="xs">{isMac ? '⌘K' : 'Ctrl K'}</Kbd>
          </Group>
        </UnstyledButton>
      </Box>

      <ScrollArea style={{ flexGrow: 1 }} px="sm" component="nav" aria-label="Areas">
        <NavLink
          component={RouterNavLink}
          to="/"
          label="Home"
          active={pathname === '/'}
          leftSection={<IconHome size={18} stroke={1.6} aria-hidden />}
          className="sidebar-link"
          mt="xs"
        />
        {SECTIONS.map((section) => (
          <Box key={section} mt="sm" mb={4}>
            <Text size="xs" c="dimmed" fw={600} px="sm" mb={4} aria-hidden>
              {section}
            </Text>
            {AREAS.filter((area) => area.section === section).map((area) => [
              <NavLink
                key={area.path}
                component={RouterNavLink}
                to={area.path}
                label={area.label}
                active={pathname === area.path || pathname.startsWith(`${area.path}/`)}
                leftSection={<area.icon size={18} stroke={1.6} aria-hidden />}
                rightSection={
                  area.built ? undefined : (
                    <Text size="xs" c="dimmed" aria-hidden>
                      soon
                    </Text>
                  )
                }
                className="sidebar-link"
              />,
              // Saved directory views sit under Directory, one click from anywhere.
              area.path === '/directory' && (views.data?.length ?? 0) > 0 && (
                <Box key="views" component="ul" aria-label="Saved views" className="plain-list sidebar-views">
                  {views.data?.map((view) => (
                    <li key={view.id}>
                      <NavLink
                        component={RouterNavLink}
                        to={viewHref(view)}
                        label={view.name}
                        description={view.entity === 'organization' ? 'Organizations' : 'People'}
                        leftSection={<IconBookmark size={14} stroke={1.6} aria-hidden />}
                        className="sidebar-link sidebar-view"
                        active={false}
                        aria-label={`${view.name}, saved view of ${view.entity === 'organization' ? 'organizations' : 'people'}`}
                      />
                    </li>
                  ))}
                </Box>
              ),
            ])}
          </Box>
        ))}
      </ScrollArea>

      <Box px="sm" pb={4} component="nav" aria-label="Workspace">
        <NavLink
          component={RouterNavLink}
          to="/backups"
          label="Data & backups"
          active={pathname === '/backups'}
          leftSection={<IconShieldCheck size={18} stroke={1.6} aria-hidden />}
          className="sidebar-link"
        />
        <NavLink
          component={RouterNavLink}
          to="/history"
          label="History"
          active={pathname === '/history'}
          leftSection={<IconHistory size={18} stroke={1.6} aria-hidden />}
          className="sidebar-link"
        />
      </Box>

      <Group justify="space-between" wrap="nowrap" gap="xs" px="md" py="sm" className="sidebar-footer">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <IconDatabase size={15} stroke={1.6} aria-hidden />
          <Text size="xs" c="dimmed" truncate="end" title={workspace.fileName}>
            <VisuallyHidden>Workspace file: </VisuallyHidden>
            {workspace.fileName}
          </Text>
        </Group>
        <ThemeToggle />
      </Group>
    </Stack>
  );
}
