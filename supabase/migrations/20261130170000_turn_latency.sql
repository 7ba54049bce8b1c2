-- Latency of each voice turn, kept with its onboarding session (agents-js metrics grouped by the
-- worker: end-of-utterance delay, model time to first token, speech time to first byte, end to end).
create table public.job_profile_turn_latency (
  session_id text not null references public.job_profiles (session_id) on delete cascade,
  -- agents-js's speech id of the agent's reply.
  speech_id text not null check (char_length(speech_id) between 1 and 128),
  -- TurnLatency as the worker measured it: milliseconds, each optional.
  latency jsonb not null check (jsonb_typeof(latency) = 'object'),
  created_at timestamptz not null default now(),
  primary key (session_id, speech_id)
);

comment on table public.job_profile_turn_latency is
  'Per-turn voice latency of a session, written by the worker (record_turn_latency) and read by the session service.';

alter table public.job_profile_turn_latency enable row level security;
revoke all on table public.job_profile_turn_latency from public, anon, authenticated, service_role;
grant select, insert on table public.job_profile_turn_latency to service_role;

-- Idempotent by speech id: a retried write never counts a turn twice.
create function public.record_turn_latency(p_session_id text, p_speech_id text, p_latency jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  insert into public.job_profile_turn_latency (session_id, speech_id, latency)
  values (p_session_id, p_speech_id, p_latency)
  on conflict (session_id, speech_id) do nothing;
  return '{"ok": true}'::jsonb;
end;
$$;

create function public.turn_latency(p_session_id text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(
    jsonb_agg(latency || jsonb_build_object('speechId', speech_id, 'at', created_at) order by created_at, speech_id),
    '[]'::jsonb
  )
  from public.job_profile_turn_latency
  where session_id = p_session_id;
$$;

revoke all on function public.record_turn_latency(text, text, jsonb) from public, anon, authenticated;
revoke all on function public.turn_latency(text) from public, anon, authenticated;
grant execute on function public.record_turn_latency(text, text, jsonb) to service_role;
grant execute on function public.turn_latency(text) to service_role;

notify pgrst, 'reload schema';
