CREATE TYPE "public"."account_type" AS ENUM('STANDARD', 'PARENT', 'CHILD');--> statement-breakpoint
CREATE TYPE "public"."address_kind" AS ENUM('SERVICE', 'BILLING', 'LISTING', 'SHIPPING');--> statement-breakpoint
CREATE TYPE "public"."contact_type" AS ENUM('PRIMARY', 'BILLING', 'AUTHORIZED_USER', 'TECHNICAL', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."customer_class" AS ENUM('RESIDENTIAL', 'BUSINESS');--> statement-breakpoint
CREATE TYPE "public"."customer_status" AS ENUM('PROSPECT', 'PENDING', 'OPEN', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."listing_type" AS ENUM('LISTED', 'UNLISTED', 'NON_PUBLISHED');--> statement-breakpoint
CREATE TYPE "public"."bank_account_type" AS ENUM('CHECKING', 'SAVINGS');--> statement-breakpoint
CREATE TYPE "public"."card_brand" AS ENUM('VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'UNKNOWN');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('CARD', 'BANK', 'INVOICE');--> statement-breakpoint
CREATE TYPE "public"."wizard_draft_status" AS ENUM('OPEN', 'SUBMITTED');--> statement-breakpoint
CREATE TYPE "public"."device_source" AS ENUM('STOCK', 'BYOD');--> statement-breakpoint
CREATE TYPE "public"."fulfillment" AS ENUM('PICKUP', 'SHIP');--> statement-breakpoint
CREATE TYPE "public"."line_product_inclusion" AS ENUM('required', 'default', 'optional');--> statement-breakpoint
CREATE TYPE "public"."line_status" AS ENUM('PENDING', 'ACTIVE', 'SUSPENDED', 'DISCONNECTED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('PENDING', 'READY', 'SENT', 'IN_PROGRESS', 'COMPLETE', 'PARTIAL', 'ERROR', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."identifier_kind" AS ENUM('ICCID', 'IMEI', 'MEID', 'ESN', 'EID');--> statement-breakpoint
CREATE TYPE "public"."inventory_kind" AS ENUM('DEVICE', 'SIM', 'ESIM');--> statement-breakpoint
CREATE TYPE "public"."inventory_status" AS ENUM('AVAILABLE', 'RESERVED', 'ACTIVE', 'RETURNED', 'DEFECTIVE', 'REMOVED');--> statement-breakpoint
CREATE SEQUENCE "public"."customer_account_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100001 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 200001 CACHE 1;--> statement-breakpoint
CREATE TABLE "customer_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" "address_kind" NOT NULL,
	"line1" text NOT NULL,
	"line2" text,
	"city" text NOT NULL,
	"state" text NOT NULL,
	"zip" text NOT NULL,
	"zip4" text,
	"listing_type" "listing_type",
	"listed_name" text
);
--> statement-breakpoint
CREATE TABLE "customer_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"contact_type" "contact_type" NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"phone" text,
	"mobile" text,
	"sms_opt_in" boolean DEFAULT false NOT NULL,
	"email" text,
	"title" text,
	"is_primary" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_match_keys" (
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "customer_match_keys_kind_value_customer_id_pk" PRIMARY KEY("kind","value","customer_id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_number" text NOT NULL,
	"status" "customer_status" DEFAULT 'PENDING' NOT NULL,
	"customer_class" "customer_class" NOT NULL,
	"display_name" text NOT NULL,
	"first_name" text,
	"middle_name" text,
	"last_name" text,
	"suffix" text,
	"company_name" text,
	"carrier_code" text NOT NULL,
	"bill_profile_code" text NOT NULL,
	"bill_method" "bill_method" NOT NULL,
	"bill_email" text,
	"sales_person_user_id" uuid,
	"agent_code" text,
	"security_pin_sealed" text,
	"language" text,
	"contract_start" date,
	"contract_end" date,
	"attention_line" text,
	"payment_terms_days" integer,
	"account_type" "account_type" DEFAULT 'STANDARD' NOT NULL,
	"parent_customer_id" uuid,
	"website" text,
	"primary_phone" text,
	"tax_exempt" boolean DEFAULT false NOT NULL,
	"tax_exempt_certificate" text,
	"ssn_sealed" text,
	"ssn_last4" text,
	"tax_id_sealed" text,
	"tax_id_last4" text,
	"date_of_birth" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_account_number_unique" UNIQUE("account_number")
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"method" "payment_method" NOT NULL,
	"holder_name" text,
	"card_brand" "card_brand",
	"card_last4" text,
	"card_exp_month" integer,
	"card_exp_year" integer,
	"billing_zip" text,
	"gateway" text,
	"gateway_token" text,
	"bank_routing_number" text,
	"bank_account_sealed" text,
	"bank_account_last4" text,
	"bank_account_type" "bank_account_type",
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wizard_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" "wizard_draft_status" DEFAULT 'OPEN' NOT NULL,
	"data" jsonb NOT NULL,
	"title" text DEFAULT 'New customer' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"customer_id" uuid,
	"order_id" uuid,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "line_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"line_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "product_kind" NOT NULL,
	"quantity" integer NOT NULL,
	"unit_monthly_cents" integer NOT NULL,
	"unit_one_time_cents" integer NOT NULL,
	"monthly_cents" integer NOT NULL,
	"one_time_cents" integer NOT NULL,
	"is_taxable" boolean NOT NULL,
	"inclusion" "line_product_inclusion" NOT NULL,
	"is_price_overridden" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"status" "line_status" DEFAULT 'PENDING' NOT NULL,
	"line_type_code" text NOT NULL,
	"line_type_name" text NOT NULL,
	"package_code" text NOT NULL,
	"package_name" text NOT NULL,
	"package_monthly_cents" integer NOT NULL,
	"package_activation_fee_cents" integer NOT NULL,
	"properties" jsonb NOT NULL,
	"description" text,
	"area_code" text,
	"number_zip" text,
	"mdn" text,
	"port_in" jsonb,
	"device_source" "device_source" NOT NULL,
	"identifiers" jsonb NOT NULL,
	"ld_rates" jsonb,
	"monthly_cents" integer NOT NULL,
	"one_time_cents" integer NOT NULL,
	"activated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"carrier_code" text NOT NULL,
	"carrier_name" text NOT NULL,
	"order_type" "order_type" NOT NULL,
	"status" "order_status" DEFAULT 'PENDING' NOT NULL,
	"requested_due_date" date,
	"fulfillment" "fulfillment" NOT NULL,
	"shipping_address" jsonb,
	"send_automatically" boolean NOT NULL,
	"notes" text,
	"deposit_cents" integer DEFAULT 0 NOT NULL,
	"monthly_cents" integer NOT NULL,
	"one_time_cents" integer NOT NULL,
	"draft_id" uuid,
	"duplicate_acknowledgement" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_order_number_unique" UNIQUE("order_number"),
	CONSTRAINT "orders_draft_id_unique" UNIQUE("draft_id")
);
--> statement-breakpoint
CREATE TABLE "inventory_identifiers" (
	"value" text PRIMARY KEY NOT NULL,
	"kind" "identifier_kind" NOT NULL,
	"item_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "inventory_kind" NOT NULL,
	"status" "inventory_status" DEFAULT 'AVAILABLE' NOT NULL,
	"carrier_code" text NOT NULL,
	"make" text,
	"model" text,
	"location" text,
	"agent_code" text,
	"cost_cents" integer,
	"received_on" date,
	"purchase_order" text,
	"line_id" uuid,
	"order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_addresses" ADD CONSTRAINT "customer_addresses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_contacts" ADD CONSTRAINT "customer_contacts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_match_keys" ADD CONSTRAINT "customer_match_keys_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_sales_person_user_id_users_id_fk" FOREIGN KEY ("sales_person_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_parent_customer_id_customers_id_fk" FOREIGN KEY ("parent_customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wizard_drafts" ADD CONSTRAINT "wizard_drafts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "line_products" ADD CONSTRAINT "line_products_line_id_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lines" ADD CONSTRAINT "lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_identifiers" ADD CONSTRAINT "inventory_identifiers_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_addresses_customer" ON "customer_addresses" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_addresses_line1_trgm" ON "customer_addresses" USING gin (lower("line1") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customer_contacts_customer" ON "customer_contacts" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_match_keys_customer" ON "customer_match_keys" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customers_display_name_trgm" ON "customers" USING gin (lower("display_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_created_at" ON "customers" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "payment_methods_customer" ON "payment_methods" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "wizard_drafts_open" ON "wizard_drafts" USING btree ("status","expires_at");--> statement-breakpoint
CREATE INDEX "line_products_line" ON "line_products" USING btree ("line_id");--> statement-breakpoint
CREATE INDEX "lines_order" ON "lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "lines_customer" ON "lines" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "lines_mdn" ON "lines" USING btree ("mdn");--> statement-breakpoint
CREATE INDEX "orders_customer" ON "orders" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "orders_status" ON "orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "inventory_identifiers_item" ON "inventory_identifiers" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "inventory_items_status" ON "inventory_items" USING btree ("carrier_code","status");--> statement-breakpoint
CREATE INDEX "inventory_items_line" ON "inventory_items" USING btree ("line_id");