-- A hold moved to COMPLETING used to get no time to look again (next_check_at null), so one whose server died
-- before it recorded the bank's answer was never taken up. Holds now carry one from the move on; those left
-- before are due at once.
update holds set next_check_at = now() where status = 'COMPLETING' and next_check_at is null;
