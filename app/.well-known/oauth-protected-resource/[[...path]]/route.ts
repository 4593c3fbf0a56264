import { protectedResourceMetadata, protectedResourceMetadataPreflight } from '@/lib/resource-server/protected-resource-metadata';
import { getSettings } from '@/lib/config/settings';

/** RFC 9728: /.well-known/oauth-protected-resource and /.well-known/oauth-protected-resource/<api path>. */
export const GET = (req: Request) => protectedResourceMetadata(req, getSettings());
export const OPTIONS = protectedResourceMetadataPreflight;
