ALTER TABLE "applications" ADD COLUMN "resource_server" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "token_endpoint_auth_method" text;--> statement-breakpoint
ALTER TABLE "authorization_codes" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "resources" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Security review, finding 1: "Skip authorization" is an operator's decision. Applications that
-- a person registered in the dashboard (they have an owner) lose it; operators set it again
-- with `npm run manage -- updateapplication <client_id> --skip-authorization`.
UPDATE "applications" SET "skip_authorization" = false WHERE "owner_id" IS NOT NULL AND "skip_authorization";--> statement-breakpoint
-- Finding 17: the method a self-registered client chose is now enforced; carry it over.
UPDATE "applications" SET "token_endpoint_auth_method" = "client_metadata"->>'token_endpoint_auth_method'
  WHERE "registered_via" <> 'dashboard' AND "client_metadata" ? 'token_endpoint_auth_method';
