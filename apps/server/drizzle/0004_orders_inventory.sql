CREATE TABLE "inventory_tacs" (
	"tac" text PRIMARY KEY NOT NULL,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "inventory_items_line";--> statement-breakpoint
ALTER TABLE "inventory_identifiers" ADD COLUMN "slot" smallint DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD COLUMN "import_id" uuid;--> statement-breakpoint
CREATE INDEX "customers_account_number_trgm" ON "customers" USING gin ("account_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "lines_port_in_number" ON "lines" USING btree (("port_in" ->> 'number'));--> statement-breakpoint
CREATE INDEX "lines_identifiers" ON "lines" USING gin ("identifiers" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "orders_created_at" ON "orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "orders_carrier" ON "orders" USING btree ("carrier_code","created_at");--> statement-breakpoint
CREATE INDEX "orders_order_number_trgm" ON "orders" USING gin ("order_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inventory_identifiers_value_trgm" ON "inventory_identifiers" USING gin ("value" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inventory_items_order" ON "inventory_items" USING btree ("order_id") WHERE "inventory_items"."order_id" is not null;--> statement-breakpoint
CREATE INDEX "inventory_items_created" ON "inventory_items" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "inventory_items_location" ON "inventory_items" USING btree ("location") WHERE "inventory_items"."location" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_items_one_per_line_kind" ON "inventory_items" USING btree ("line_id","kind") WHERE "inventory_items"."line_id" is not null and "inventory_items"."status" in ('RESERVED', 'ACTIVE');--> statement-breakpoint
CREATE INDEX "inventory_items_line" ON "inventory_items" USING btree ("line_id") WHERE "inventory_items"."line_id" is not null;