CREATE TABLE "tmf_hubs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"api" text NOT NULL,
	"callback" text NOT NULL,
	"query" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tmf_idempotency_keys" (
	"scope" text NOT NULL,
	"resource_type" text NOT NULL,
	"key" text NOT NULL,
	"resource_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tmf_idempotency_keys_scope_resource_type_key_pk" PRIMARY KEY("scope","resource_type","key")
);
--> statement-breakpoint
CREATE TABLE "tmf_cancel_product_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_order_id" text NOT NULL,
	"cancellation_reason" text,
	"requested_cancellation_date" timestamp with time zone,
	"state" text NOT NULL,
	"state_reason" text,
	"effective_cancellation_date" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tmf_rejected_product_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payload" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"external_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_label" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ALTER COLUMN "created_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "engaged_party_id" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "engaged_party_type" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "created_by_label" text;--> statement-breakpoint
ALTER TABLE "lines" ADD COLUMN "external_item_id" text;--> statement-breakpoint
ALTER TABLE "lines" ADD COLUMN "service_address" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "created_by_label" text;--> statement-breakpoint
CREATE INDEX "tmf_hubs_api" ON "tmf_hubs" USING btree ("api");--> statement-breakpoint
CREATE INDEX "tmf_cancel_product_orders_created_at" ON "tmf_cancel_product_orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "tmf_cancel_product_orders_order" ON "tmf_cancel_product_orders" USING btree ("product_order_id");--> statement-breakpoint
CREATE INDEX "tmf_rejected_product_orders_created_at" ON "tmf_rejected_product_orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "customers_engaged_party" ON "customers" USING btree ("engaged_party_id");--> statement-breakpoint
CREATE INDEX "orders_external_id" ON "orders" USING btree ("external_id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_creator" CHECK ("customers"."created_by" is not null or "customers"."created_by_label" is not null);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_creator" CHECK ("orders"."created_by" is not null or "orders"."created_by_label" is not null);