import { Group } from '@mantine/core';
import { NavLink } from 'react-router';

export interface SubNavLink {
  to: string;
  label: string;
  /** Match the address exactly (a parent route would otherwise stay highlighted). */
  end: boolean;
}

/** The row of section links under an area's title (Charter: Draft · Versions · Compare…). */
export function SubNav({ label, links }: { label: string; links: readonly SubNavLink[] }) {
  return (
    <Group component="nav" aria-label={label} gap={4} className="subnav">
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end} className="subnav-link">
          {link.label}
        </NavLink>
      ))}
    </Group>
  );
}
