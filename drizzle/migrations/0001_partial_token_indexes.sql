DROP INDEX "access_tokens_expires_idx";--> statement-breakpoint
DROP INDEX "refresh_tokens_access_idx";--> statement-breakpoint
DROP INDEX "access_tokens_user_app_idx";--> statement-breakpoint
DROP INDEX "access_tokens_family_idx";--> statement-breakpoint
DROP INDEX "access_tokens_code_idx";--> statement-breakpoint
DROP INDEX "refresh_tokens_code_idx";--> statement-breakpoint
CREATE INDEX "access_tokens_user_app_idx" ON "access_tokens" USING btree ("user_id","application_id") WHERE "access_tokens"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "access_tokens_family_idx" ON "access_tokens" USING btree ("family_id") WHERE "access_tokens"."family_id" is not null;--> statement-breakpoint
CREATE INDEX "access_tokens_code_idx" ON "access_tokens" USING btree ("authorization_code_id") WHERE "access_tokens"."authorization_code_id" is not null;--> statement-breakpoint
CREATE INDEX "refresh_tokens_code_idx" ON "refresh_tokens" USING btree ("authorization_code_id") WHERE "refresh_tokens"."authorization_code_id" is not null;