-- Staging is analyzed by every import (autovacuum is never in time for it). With the default
-- statistics target ANALYZE samples 30 000 rows and builds element statistics of the array
-- columns, which took longer than COPYing the rows in. The planner only needs the row count and
-- the columns that staged rows are filtered, joined or ranked by.
ALTER TABLE staged_result
    ALTER COLUMN job_id SET STATISTICS 10,
    ALTER COLUMN line SET STATISTICS 10,
    ALTER COLUMN inn SET STATISTICS 10,
    ALTER COLUMN kpp SET STATISTICS 10,
    ALTER COLUMN type SET STATISTICS 10,
    ALTER COLUMN oktmo SET STATISTICS 10,
    ALTER COLUMN total SET STATISTICS 10,
    ALTER COLUMN ogrn SET STATISTICS 0,
    ALTER COLUMN bus_reg_num SET STATISTICS 0,
    ALTER COLUMN name SET STATISTICS 0,
    ALTER COLUMN short_name SET STATISTICS 0,
    ALTER COLUMN municipality SET STATISTICS 0,
    ALTER COLUMN address SET STATISTICS 0,
    ALTER COLUMN website SET STATISTICS 0,
    ALTER COLUMN search_name SET STATISTICS 0,
    ALTER COLUMN k1 SET STATISTICS 0,
    ALTER COLUMN k2 SET STATISTICS 0,
    ALTER COLUMN k3 SET STATISTICS 0,
    ALTER COLUMN k4 SET STATISTICS 0,
    ALTER COLUMN k5 SET STATISTICS 0,
    ALTER COLUMN published_total SET STATISTICS 0,
    ALTER COLUMN recipients SET STATISTICS 0,
    ALTER COLUMN respondents SET STATISTICS 0,
    ALTER COLUMN indicator_values SET STATISTICS 0,
    ALTER COLUMN zero_rule_indicators SET STATISTICS 0,
    ALTER COLUMN raw_values SET STATISTICS 0;

-- Published uploads are deleted from staging in one piece: vacuum after any such delete instead
-- of after a fifth of the table, so the next import does not scan the dead rows.
ALTER TABLE staged_result SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                               autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 1000);
