/** The dashboard's sections: the header nav and the dashboard side nav list the same ones (`key`: its label in messages/<locale>/ dashboardNav). */
export const DASHBOARD_LINKS = [
  { href: '/o/applications', label: 'Applications', key: 'applications' },
  { href: '/o/authorized-tokens', label: 'Authorized tokens', key: 'authorizedTokens' },
] as const;
