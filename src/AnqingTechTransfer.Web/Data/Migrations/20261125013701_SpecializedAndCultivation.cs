using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpecializedAndCultivation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cultivation_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    target_year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    marked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    core_ip_count = table.Column<int>(type: "integer", nullable: true),
                    high_tech_revenue_ratio = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    rd_ratio = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    revenue = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    tech_staff_ratio = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cultivation_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "specialized_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
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
                    table.PrimaryKey("pk_specialized_records", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cultivation_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cultivation_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_cultivation_notes_cultivation_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "cultivation_entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cultivation_entries_credit_code",
                table: "cultivation_entries",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cultivation_entries_enterprise_name",
                table: "cultivation_entries",
                column: "enterprise_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_cultivation_entries_region_code_status_target_year",
                table: "cultivation_entries",
                columns: new[] { "region_code", "status", "target_year" });

            migrationBuilder.CreateIndex(
                name: "ix_cultivation_notes_entry_id_at",
                table: "cultivation_notes",
                columns: new[] { "entry_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_specialized_records_confirmation_year",
                table: "specialized_records",
                columns: new[] { "confirmation", "year" })
                .Annotation("Npgsql:IndexInclude", new[] { "region_code", "credit_code" });

            migrationBuilder.CreateIndex(
                name: "ix_specialized_records_credit_code_level_year",
                table: "specialized_records",
                columns: new[] { "credit_code", "level", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_specialized_records_organization_id",
                table: "specialized_records",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_specialized_records_region_code_confirmation",
                table: "specialized_records",
                columns: new[] { "region_code", "confirmation" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cultivation_notes");

            migrationBuilder.DropTable(
                name: "specialized_records");

            migrationBuilder.DropTable(
                name: "cultivation_entries");
        }
    }
}
