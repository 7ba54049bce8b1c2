-- Job profiles and their append-only message log.
-- Runs unchanged on Supabase, plain PostgreSQL (15+) and PGlite.

-- Supabase's API roles. On Supabase they exist; elsewhere create them so grants below resolve.
-- service_role bypasses row level security, as on Supabase.
do $$
begin
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

create table public.job_profiles (
  session_id text primary key check (char_length(session_id) between 1 and 64),
  -- The JobProfile document (@voice-onboarding/protocol); `version` and `status` mirror it.
  profile jsonb not null,
  version integer not null check (version >= 0),
  status text not null check (status in ('in_progress', 'completed')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint job_profiles_profile_matches_row check (
    profile ->> 'sessionId' = session_id
    and profile -> 'version' = to_jsonb(version)
    and profile ->> 'status' = status
  )
);

comment on table public.job_profiles is
  'Current JobProfile per onboarding session. Written only through create_job_profile / commit_job_profile_change.';

create table public.job_profile_events (
  session_id text not null references public.job_profiles (session_id),
  -- The profile version this message produced (0 = the creating snapshot).
  seq integer not null check (seq >= 0),
  type text not null,
  source text not null check (source in ('agent', 'recruiter')),
  -- The ProtocolMessage envelope as sent to the widget.
  message jsonb not null,
  created_at timestamptz not null default now(),
  primary key (session_id, seq),
  constraint job_profile_events_message_matches_row check (
    message ->> 'sessionId' = session_id
    and message -> 'seq' = to_jsonb(seq)
    and message ->> 'type' = type
    and message ->> 'source' = source
  )
);

comment on table public.job_profile_events is
  'Append-only log of every ProtocolMessage applied to a profile; folding it from seq 0 gives job_profiles.profile.';

create function public.job_profile_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'public.job_profile_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege',
          hint = 'Profiles change by appending a message with commit_job_profile_change().';
end;
$$;

create trigger job_profile_events_no_update_or_delete
  before update or delete on public.job_profile_events
  for each row execute function public.job_profile_events_append_only();

create trigger job_profile_events_no_truncate
  before truncate on public.job_profile_events
  for each statement execute function public.job_profile_events_append_only();

-- Browsers never reach these tables: row level security on, no policies, no privileges for the
-- API roles. Only service_role (which bypasses RLS) may read and write, and never delete.
alter table public.job_profiles enable row level security;
alter table public.job_profile_events enable row level security;

revoke all on table public.job_profiles, public.job_profile_events from public, anon, authenticated, service_role;
grant usage on schema public to service_role;
grant select, insert, update on table public.job_profiles to service_role;
grant select, insert on table public.job_profile_events to service_role;

revoke all on function public.job_profile_events_append_only() from public, anon, authenticated, service_role;
