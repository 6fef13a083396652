import { Avatar, type AvatarProps } from '@mantine/core';

interface CoalitionLogoProps extends Omit<AvatarProps, 'src' | 'alt' | 'children'> {
  profile: { name: string; shortName: string; logoDataUrl: string | null };
}

/** The coalition's logo, or its initials when it has none. */
export function CoalitionLogo({ profile, ...props }: CoalitionLogoProps) {
  const initials = (profile.shortName || profile.name)
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0])
    .join('')
    .slice(0, 3)
    .toUpperCase();
  return (
    <Avatar
      radius="md"
      color="indigo"
      variant="light"
      src={profile.logoDataUrl}
      alt={profile.logoDataUrl ? `${profile.name} logo` : undefined}
      styles={{ image: { objectFit: 'contain' } }}
      {...props}
    >
      {profile.logoDataUrl ? null : <span aria-hidden>{initials}</span>}
    </Avatar>
  );
}
