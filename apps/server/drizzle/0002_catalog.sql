CREATE TYPE "public"."bill_method" AS ENUM('EMAIL', 'PRINT', 'BOTH', 'NONE');--> statement-breakpoint
CREATE TYPE "public"."number_assignment" AS ENUM('AREA_CODE', 'ZIP');--> statement-breakpoint
CREATE TYPE "public"."order_type" AS ENUM('NEW', 'CONVERSION', 'ADD_LINE', 'CHANGE', 'MOVE', 'SUSPEND', 'RESTORE', 'DISCONNECT');--> statement-breakpoint
CREATE TYPE "public"."package_product_order_type" AS ENUM('ALL', 'NEW', 'CONVERSION');--> statement-breakpoint
CREATE TYPE "public"."product_inclusion" AS ENUM('required', 'default', 'optional');--> statement-breakpoint
CREATE TYPE "public"."product_kind" AS ENUM('plan', 'feature', 'add_on', 'equipment', 'fee', 'insurance', 'discount');--> statement-breakpoint
CREATE TYPE "public"."provisioning_adapter" AS ENUM('carrier-gateway', 'manual');--> statement-breakpoint
CREATE TABLE "agent_sales_people" (
	"agent_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "agent_sales_people_agent_id_user_id_pk" PRIMARY KEY("agent_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"email" text,
	"phone" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agents_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "bill_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"default_bill_method" "bill_method" NOT NULL,
	"terms_days" integer NOT NULL,
	"is_default_residential" boolean DEFAULT false NOT NULL,
	"is_default_business" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bill_profiles_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "carriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"display_order" integer DEFAULT 100 NOT NULL,
	"default_bill_profile_id" uuid,
	"order_types" "order_type"[] NOT NULL,
	"populates_products" boolean DEFAULT true NOT NULL,
	"identifier_requirements" jsonb NOT NULL,
	"number_assignment" "number_assignment" NOT NULL,
	"provisioning_adapter" "provisioning_adapter" NOT NULL,
	"provisioning_endpoint" text,
	"provisioning_account_id" text,
	"provisioning_credential_sealed" text,
	"webhook_secret_sealed" text,
	"flow_through" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carriers_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "ld_rate_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"domestic_per_minute_millicents" integer NOT NULL,
	"international_rates" jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ld_rate_plans_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "line_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"properties" jsonb NOT NULL,
	"display_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "line_types_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "package_line_types" (
	"package_id" uuid NOT NULL,
	"line_type_id" uuid NOT NULL,
	CONSTRAINT "package_line_types_package_id_line_type_id_pk" PRIMARY KEY("package_id","line_type_id")
);
--> statement-breakpoint
CREATE TABLE "package_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"quantity" integer NOT NULL,
	"monthly_override_cents" integer,
	"inclusion" "product_inclusion" NOT NULL,
	"order_type" "package_product_order_type" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carrier_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"order_types" "order_type"[] NOT NULL,
	"monthly_cents" integer NOT NULL,
	"activation_fee_cents" integer NOT NULL,
	"ld_rate_plan_id" uuid,
	"display_order" integer DEFAULT 100 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carrier_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "product_kind" NOT NULL,
	"monthly_cents" integer NOT NULL,
	"one_time_cents" integer NOT NULL,
	"is_taxable" boolean DEFAULT true NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_sales_people" ADD CONSTRAINT "agent_sales_people_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_sales_people" ADD CONSTRAINT "agent_sales_people_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_parent_id_agents_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."agents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_default_bill_profile_id_bill_profiles_id_fk" FOREIGN KEY ("default_bill_profile_id") REFERENCES "public"."bill_profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_line_types" ADD CONSTRAINT "package_line_types_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_line_types" ADD CONSTRAINT "package_line_types_line_type_id_line_types_id_fk" FOREIGN KEY ("line_type_id") REFERENCES "public"."line_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_products" ADD CONSTRAINT "package_products_package_id_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_products" ADD CONSTRAINT "package_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_ld_rate_plan_id_ld_rate_plans_id_fk" FOREIGN KEY ("ld_rate_plan_id") REFERENCES "public"."ld_rate_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "package_line_types_line_type_idx" ON "package_line_types" USING btree ("line_type_id");--> statement-breakpoint
CREATE INDEX "package_products_package_idx" ON "package_products" USING btree ("package_id");--> statement-breakpoint
CREATE UNIQUE INDEX "packages_carrier_code_idx" ON "packages" USING btree ("carrier_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "products_carrier_code_idx" ON "products" USING btree ("carrier_id","code");