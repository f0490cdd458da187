-- Typo-tolerant organization search (the explorer's fallback when no name contains the words) uses
-- pg_trgm where the server ships it and the migrating role may create it: it is a trusted extension,
-- so CREATE on the database suffices. Elsewhere the search simply stays exact.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file THEN
            RAISE NOTICE 'pg_trgm is not available, the organization search stays exact: %', SQLERRM;
        END;
    END IF;
END
$$;
