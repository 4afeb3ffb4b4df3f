using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    is_working_day = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_days", x => x.date);
                });

            migrationBuilder.CreateTable(
                name: "registration_points",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    is_closed = table.Column<bool>(type: "boolean", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_points", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registration_serials",
                columns: table => new
                {
                    point_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_serial = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_serials", x => new { x.point_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "tech_contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    registration_point_id = table.Column<Guid>(type: "uuid", nullable: false),
                    filer_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    buyer_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    broker_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    seller_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    buyer_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    project_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    sub_type = table.Column<int>(type: "integer", nullable: true),
                    licence_scope = table.Column<int>(type: "integer", nullable: true),
                    is_technology_import = table.Column<bool>(type: "boolean", nullable: false),
                    technical_field_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ip_type_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    plan_source_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    socio_economic_goal_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: false),
                    contract_amount = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    tech_amount = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    payment_mode = table.Column<int>(type: "integer", nullable: false),
                    broker_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    expected_investment = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    expected_output = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_disputed = table.Column<bool>(type: "boolean", nullable: false),
                    first_reviewer_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    registration_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    verification_code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    refusal_reason = table.Column<int>(type: "integer", nullable: true),
                    last_remark = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    income_declared = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    income_confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    is_imported = table.Column<bool>(type: "boolean", nullable: false),
                    deductions = table.Column<string>(type: "jsonb", nullable: false),
                    buyer_country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    buyer_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    buyer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    buyer_nature_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    buyer_division_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    seller_country_code = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    seller_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    seller_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    seller_nature_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    seller_division_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tech_contracts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registration_point_registrars",
                columns: table => new
                {
                    point_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_point_registrars", x => new { x.point_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_registration_point_registrars_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_registration_point_registrars_registration_points_point_id",
                        column: x => x.point_id,
                        principalTable: "registration_points",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tech_contract_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    from_status = table.Column<int>(type: "integer", nullable: false),
                    to_status = table.Column<int>(type: "integer", nullable: false),
                    remark = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tech_contract_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_tech_contract_events_tech_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "tech_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registration_point_registrars_user_id",
                table: "registration_point_registrars",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_registration_points_code",
                table: "registration_points",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tech_contract_events_contract_id_at",
                table: "tech_contract_events",
                columns: new[] { "contract_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_broker_organization_id",
                table: "tech_contracts",
                column: "broker_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_buyer_organization_id",
                table: "tech_contracts",
                column: "buyer_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_buyer_region_code_registered_at",
                table: "tech_contracts",
                columns: new[] { "buyer_region_code", "registered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_buyer_region_code_signed_on",
                table: "tech_contracts",
                columns: new[] { "buyer_region_code", "signed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_contract_amount",
                table: "tech_contracts",
                column: "contract_amount");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_filer_organization_id_created_at",
                table: "tech_contracts",
                columns: new[] { "filer_organization_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_income_to_confirm",
                table: "tech_contracts",
                column: "registration_point_id",
                filter: "income_declared IS NOT NULL AND income_confirmed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_project_name",
                table: "tech_contracts",
                column: "project_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_registration_number",
                table: "tech_contracts",
                column: "registration_number",
                unique: true,
                filter: "registration_number IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_registration_point_id_status_submitted_at",
                table: "tech_contracts",
                columns: new[] { "registration_point_id", "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_seller_organization_id",
                table: "tech_contracts",
                column: "seller_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_seller_region_code_registered_at",
                table: "tech_contracts",
                columns: new[] { "seller_region_code", "registered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_seller_region_code_signed_on",
                table: "tech_contracts",
                columns: new[] { "seller_region_code", "signed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts",
                columns: new[] { "status", "registered_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "type", "technical_field_code", "registration_point_id", "seller_region_code", "buyer_region_code", "contract_amount", "tech_amount", "is_imported", "filer_organization_id", "seller_organization_id", "buyer_organization_id", "broker_organization_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_status_signed_on",
                table: "tech_contracts",
                columns: new[] { "status", "signed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_technical_field_code_signed_on",
                table: "tech_contracts",
                columns: new[] { "technical_field_code", "signed_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "id", "status", "registration_point_id", "filer_organization_id", "seller_region_code", "buyer_region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_type_signed_on",
                table: "tech_contracts",
                columns: new[] { "type", "signed_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_days");

            migrationBuilder.DropTable(
                name: "registration_point_registrars");

            migrationBuilder.DropTable(
                name: "registration_serials");

            migrationBuilder.DropTable(
                name: "tech_contract_events");

            migrationBuilder.DropTable(
                name: "registration_points");

            migrationBuilder.DropTable(
                name: "tech_contracts");
        }
    }
}
