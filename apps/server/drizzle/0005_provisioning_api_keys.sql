CREATE TYPE "public"."job_status" AS ENUM('QUEUED', 'RUNNING', 'DONE', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."carrier_message_direction" AS ENUM('REQUEST', 'RESPONSE', 'CALLBACK', 'POLL', 'ERROR');--> statement-breakpoint
CREATE TYPE "public"."submission_status" AS ENUM('QUEUED', 'ACCEPTED', 'FINISHED', 'REJECTED', 'ABANDONED');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"status" "job_status" DEFAULT 'QUEUED' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 10 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "carrier_events" (
	"carrier_code" text NOT NULL,
	"event_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carrier_events_carrier_code_event_id_pk" PRIMARY KEY("carrier_code","event_id")
);
--> statement-breakpoint
CREATE TABLE "carrier_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"submission_id" uuid,
	"attempt" integer NOT NULL,
	"direction" "carrier_message_direction" NOT NULL,
	"operation" text NOT NULL,
	"http_status" integer,
	"summary" text NOT NULL,
	"payload" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carrier_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"carrier_code" text NOT NULL,
	"submission_key" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"status" "submission_status" DEFAULT 'QUEUED' NOT NULL,
	"request_id" text,
	"last_sequence" integer DEFAULT -1 NOT NULL,
	"error_code" text,
	"error_text" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "lines" ADD COLUMN "carrier_rejection" jsonb;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_name_unique" ON "api_keys" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "api_keys_created_at" ON "api_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("run_at") WHERE "jobs"."status" in ('QUEUED', 'RUNNING');--> statement-breakpoint
CREATE INDEX "jobs_kind_status" ON "jobs" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "carrier_messages_order" ON "carrier_messages" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_submissions_order_attempt" ON "carrier_submissions" USING btree ("order_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_submissions_order_idempotency" ON "carrier_submissions" USING btree ("order_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "carrier_submissions_request" ON "carrier_submissions" USING btree ("carrier_code","request_id");--> statement-breakpoint
CREATE INDEX "carrier_submissions_key" ON "carrier_submissions" USING btree ("submission_key","attempt");