ALTER TABLE "applications" ADD COLUMN "client_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "previous_secret_sealed" text;