/** The console's sections (the side nav lists them); `key` names the label in `adminNav`. */
export const ADMIN_LINKS = [
  { href: '/admin/users', key: 'users' },
  { href: '/admin/applications', key: 'applications' },
  { href: '/admin/tokens', key: 'tokens' },
  { href: '/admin/audit', key: 'audit' },
  { href: '/admin/registration', key: 'registration' },
  { href: '/admin/keys', key: 'keys' },
] as const;
