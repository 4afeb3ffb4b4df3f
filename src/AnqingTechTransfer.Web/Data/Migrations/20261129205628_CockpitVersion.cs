using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CockpitVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One row the cockpit's cache is keyed by: every statement that changes what the cockpit reads (the two summaries,
            // which the record triggers keep, and the indicators, baselines, targets and entered values) bumps it in the same
            // transaction, so every app instance sees a change at its next request.
            migrationBuilder.Sql("""
CREATE TABLE cockpit_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO cockpit_version VALUES (1, 1);
CREATE FUNCTION cockpit_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cockpit_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER contract_month_totals_cockpit AFTER INSERT OR UPDATE OR DELETE ON contract_month_totals FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER qualification_year_counts_cockpit AFTER INSERT OR UPDATE OR DELETE ON qualification_year_counts FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER indicators_cockpit AFTER INSERT OR UPDATE OR DELETE ON indicators FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER kpi_baselines_cockpit AFTER INSERT OR UPDATE OR DELETE ON kpi_baselines FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER kpi_targets_cockpit AFTER INSERT OR UPDATE OR DELETE ON kpi_targets FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER kpi_entered_values_cockpit AFTER INSERT OR UPDATE OR DELETE ON kpi_entered_values FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
DROP TRIGGER contract_month_totals_cockpit ON contract_month_totals;
DROP TRIGGER qualification_year_counts_cockpit ON qualification_year_counts;
DROP TRIGGER indicators_cockpit ON indicators;
DROP TRIGGER kpi_baselines_cockpit ON kpi_baselines;
DROP TRIGGER kpi_targets_cockpit ON kpi_targets;
DROP TRIGGER kpi_entered_values_cockpit ON kpi_entered_values;
DROP FUNCTION cockpit_version_bump();
DROP TABLE cockpit_version;
""");
        }
    }
}
