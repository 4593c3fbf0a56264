/** The console's sections (the side nav lists them). */
export const ADMIN_LINKS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/applications', label: 'Applications' },
  { href: '/admin/tokens', label: 'Tokens' },
  { href: '/admin/audit', label: 'Audit trail' },
  { href: '/admin/registration', label: 'Registration' },
  { href: '/admin/keys', label: 'Signing keys' },
] as const;
