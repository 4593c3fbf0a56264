// One file per area of the product, so a screen's words live next to its siblings' and two
// people translating different areas never edit the same file. Each top-level key (a
// namespace) belongs to exactly one area file (lib/i18n/messages.test.ts checks).
import account from './account.json';
import admin from './admin.json';
import core from './core.json';
import dashboard from './dashboard.json';
import emails from './emails.json';
import identity from './identity.json';
import pages from './pages.json';

export const AREAS = { core, account, dashboard, admin, identity, pages, emails };

const catalogue = { ...core, ...account, ...dashboard, ...admin, ...identity, ...pages, ...emails };
export default catalogue;
