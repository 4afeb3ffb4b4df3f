using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexAndSecurityDuties : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_sign_in_at",
                table: "asp_net_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "form_submissions",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_key = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    location = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_submissions", x => new { x.user_id, x.submission_key });
                });

            migrationBuilder.CreateTable(
                name: "security_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    max_failed_sign_ins = table.Column<int>(type: "integer", nullable: false),
                    lockout_minutes = table.Column<int>(type: "integer", nullable: false),
                    password_min_length = table.Column<int>(type: "integer", nullable: false),
                    admin_allowed_networks = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_security_settings", x => x.id);
                    table.CheckConstraint("ck_security_settings_single_row", "id = 1");
                });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts",
                columns: new[] { "signed_on", "id" },
                descending: new bool[0])
                .Annotation("Npgsql:IndexInclude", new[] { "status", "registration_point_id", "filer_organization_id", "seller_organization_id", "buyer_organization_id", "broker_organization_id", "seller_region_code", "buyer_region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_created_at",
                table: "form_submissions",
                column: "created_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "form_submissions");

            migrationBuilder.DropTable(
                name: "security_settings");

            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "last_sign_in_at",
                table: "asp_net_users");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts",
                columns: new[] { "signed_on", "id" },
                descending: new bool[0]);
        }
    }
}
