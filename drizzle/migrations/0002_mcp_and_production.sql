CREATE TABLE "initial_access_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_digest" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" bigint
);
--> statement-breakpoint
ALTER TABLE "access_tokens" ADD COLUMN "audience" text[];--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "rate_limit" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "registered_via" text DEFAULT 'dashboard' NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "registration_access_token_digest" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "client_metadata" jsonb;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "metadata_fetched_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "resources" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "authorization_codes" ADD COLUMN "resources" text[];--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD COLUMN "resources" text[];--> statement-breakpoint
CREATE UNIQUE INDEX "initial_access_tokens_digest_key" ON "initial_access_tokens" USING btree ("token_digest");