using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BrokeredDockingAndSolvedNeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "solved_at",
                table: "tech_needs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "broker_commissioner_id",
                table: "docking_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "broker_commissioner_name",
                table: "docking_requests",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "broker_name",
                table: "docking_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "broker_organization_id",
                table: "docking_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "need_accepted_at",
                table: "docking_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "result_accepted_at",
                table: "docking_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_docking_requests_broker_organization_id",
                table: "docking_requests",
                column: "broker_organization_id");

            // Issue 24 §8: a need whose accepted docking already led to a registered contract (status 7) is solved (6).
            migrationBuilder.Sql("""
                UPDATE tech_needs n SET status = 6, solved_at = c.registered_at
                FROM docking_requests d JOIN tech_contracts c ON c.id = d.contract_id
                WHERE d.need_id = n.id AND d.status = 2 AND c.status = 7 AND n.status <> 6;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_docking_requests_broker_organization_id",
                table: "docking_requests");

            migrationBuilder.DropColumn(
                name: "solved_at",
                table: "tech_needs");

            migrationBuilder.DropColumn(
                name: "broker_commissioner_id",
                table: "docking_requests");

            migrationBuilder.DropColumn(
                name: "broker_commissioner_name",
                table: "docking_requests");

            migrationBuilder.DropColumn(
                name: "broker_name",
                table: "docking_requests");

            migrationBuilder.DropColumn(
                name: "broker_organization_id",
                table: "docking_requests");

            migrationBuilder.DropColumn(
                name: "need_accepted_at",
                table: "docking_requests");

            migrationBuilder.DropColumn(
                name: "result_accepted_at",
                table: "docking_requests");
        }
    }
}
