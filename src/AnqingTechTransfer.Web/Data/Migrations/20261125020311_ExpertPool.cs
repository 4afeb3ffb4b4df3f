using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExpertPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "experts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    id_number_cipher = table.Column<string>(type: "text", nullable: false),
                    id_number_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    id_number_masked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    mobile_cipher = table.Column<string>(type: "text", nullable: false),
                    mobile_key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    mobile_masked = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    profile = table.Column<string>(type: "jsonb", nullable: false),
                    relations = table.Column<string>(type: "jsonb", nullable: false),
                    blackouts = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    status_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    suspended_until = table.Column<DateOnly>(type: "date", nullable: true),
                    recommended_by_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_evaluation_due = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_experts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "portal_secrets",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    protected_value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_portal_secrets", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "review_panels",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject = table.Column<string>(type: "jsonb", nullable: false),
                    applicant_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rubric = table.Column<string>(type: "jsonb", nullable: false),
                    aggregation = table.Column<int>(type: "integer", nullable: false),
                    chief_weight = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false),
                    review_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    draw = table.Column<string>(type: "jsonb", nullable: true),
                    chief_opinion = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    result = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recused_user_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    expert_user_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_review_panels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "expert_integrity_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    sanction = table.Column<int>(type: "integer", nullable: false),
                    suspended_until = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_integrity_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_expert_integrity_events_experts_expert_id",
                        column: x => x.expert_id,
                        principalTable: "experts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    panel_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expert_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<int>(type: "integer", nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    is_chief = table.Column<bool>(type: "boolean", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    committed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scores = table.Column<List<decimal>>(type: "numeric[]", nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replaces_member_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_panel_members_review_panels_panel_id",
                        column: x => x.panel_id,
                        principalTable: "review_panels",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_expert_integrity_events_expert_id_at",
                table: "expert_integrity_events",
                columns: new[] { "expert_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_experts_id_number_key",
                table: "experts",
                column: "id_number_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experts_mobile_key",
                table: "experts",
                column: "mobile_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_experts_name",
                table: "experts",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_experts_status_next_evaluation_due",
                table: "experts",
                columns: new[] { "status", "next_evaluation_due" });

            migrationBuilder.CreateIndex(
                name: "ix_experts_user_id",
                table: "experts",
                column: "user_id",
                unique: true,
                filter: "user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_panel_members_expert_id",
                table: "panel_members",
                column: "expert_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_members_expert_user_id",
                table: "panel_members",
                column: "expert_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_members_panel_id_order",
                table: "panel_members",
                columns: new[] { "panel_id", "order" });

            migrationBuilder.CreateIndex(
                name: "ix_review_panels_applicant_organization_id",
                table: "review_panels",
                column: "applicant_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_review_panels_status_created_at",
                table: "review_panels",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "expert_integrity_events");

            migrationBuilder.DropTable(
                name: "panel_members");

            migrationBuilder.DropTable(
                name: "portal_secrets");

            migrationBuilder.DropTable(
                name: "experts");

            migrationBuilder.DropTable(
                name: "review_panels");
        }
    }
}
