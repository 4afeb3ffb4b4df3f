using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Qualifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "high_tech_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: false),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    field_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    confirmation = table.Column<int>(type: "integer", nullable: false),
                    warning = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_high_tech_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tech_sme_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source = table.Column<int>(type: "integer", nullable: false),
                    confirmation = table.Column<int>(type: "integer", nullable: false),
                    warning = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tech_sme_records", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_records_confirmation_valid_until_issued_on",
                table: "high_tech_records",
                columns: new[] { "confirmation", "valid_until", "issued_on" })
                .Annotation("Npgsql:IndexInclude", new[] { "region_code", "credit_code" });

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_records_credit_code_number",
                table: "high_tech_records",
                columns: new[] { "credit_code", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_records_organization_id",
                table: "high_tech_records",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_records_region_code_confirmation",
                table: "high_tech_records",
                columns: new[] { "region_code", "confirmation" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_sme_records_confirmation_year",
                table: "tech_sme_records",
                columns: new[] { "confirmation", "year" })
                .Annotation("Npgsql:IndexInclude", new[] { "region_code", "credit_code" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_sme_records_credit_code_year",
                table: "tech_sme_records",
                columns: new[] { "credit_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tech_sme_records_organization_id",
                table: "tech_sme_records",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_tech_sme_records_region_code_confirmation",
                table: "tech_sme_records",
                columns: new[] { "region_code", "confirmation" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "high_tech_records");

            migrationBuilder.DropTable(
                name: "tech_sme_records");
        }
    }
}
