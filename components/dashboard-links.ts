/** The dashboard's sections: the header nav and the dashboard side nav list the same ones. */
export const DASHBOARD_LINKS = [
  { href: '/o/applications', label: 'Applications' },
  { href: '/o/authorized-tokens', label: 'Authorized tokens' },
] as const;
