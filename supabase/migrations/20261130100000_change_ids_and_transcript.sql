-- Idempotent changes and the conversation transcript.
-- Runs unchanged on Supabase, plain PostgreSQL (15+) and PGlite.

-- Every change carries an id chosen by its writer (one per tool call, one per edit command).
-- A row here says what became of it: `seq` is the version it produced, null when it was
-- abandoned (settle_job_profile_change gave up on it), so a late attempt can never land.
create table public.job_profile_changes (
  session_id text not null references public.job_profiles (session_id) on delete cascade,
  change_id text not null check (char_length(change_id) between 1 and 128),
  seq integer check (seq >= 1),
  created_at timestamptz not null default now(),
  primary key (session_id, change_id)
);

comment on table public.job_profile_changes is
  'Outcome per change id: the version it produced, or null when it was abandoned. Makes commit_job_profile_change idempotent.';

-- What was said, per session, so a replacement job resumes with the last turns.
create table public.job_profile_transcript (
  session_id text not null references public.job_profiles (session_id) on delete cascade,
  id bigint generated always as identity,
  role text not null check (role in ('recruiter', 'agent')),
  text text not null check (char_length(text) between 1 and 8000),
  created_at timestamptz not null default now(),
  primary key (session_id, id)
);

comment on table public.job_profile_transcript is
  'Conversation turns per onboarding session, oldest first by id. Removed with the profile.';

alter table public.job_profile_changes enable row level security;
alter table public.job_profile_transcript enable row level security;
revoke all on table public.job_profile_changes, public.job_profile_transcript
  from public, anon, authenticated, service_role;
grant select, insert, delete on table public.job_profile_changes to service_role;
grant select, insert, delete on table public.job_profile_transcript to service_role;

-- The commit gains the change id (a fifth argument, default null so older callers keep working).
drop function public.commit_job_profile_change(text, integer, jsonb, jsonb);

create function public.commit_job_profile_change(
  p_session_id text,
  p_expected_version integer,
  p_profile jsonb,
  p_message jsonb,
  p_change_id text default null
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_next integer := p_expected_version + 1;
  v_current integer;
  v_seq integer;
  v_logged jsonb;
begin
  if p_expected_version is null or p_expected_version < 0 then
    raise exception 'expected version must be a non-negative integer, got %', p_expected_version
      using errcode = 'invalid_parameter_value';
  end if;
  if p_profile ->> 'sessionId' is distinct from p_session_id
     or p_message ->> 'sessionId' is distinct from p_session_id then
    raise exception 'profile and message must belong to session %', p_session_id
      using errcode = 'invalid_parameter_value';
  end if;
  if p_profile -> 'version' is distinct from to_jsonb(v_next)
     or p_message -> 'seq' is distinct from to_jsonb(v_next) then
    raise exception 'a change from version % must carry profile.version = message.seq = %',
      p_expected_version, v_next
      using errcode = 'invalid_parameter_value';
  end if;

  if p_change_id is not null then
    perform 1 from public.job_profiles where session_id = p_session_id;
    if not found then
      return '{"ok": false, "reason": "not_found"}'::jsonb;
    end if;
    -- Claims the id; a concurrent attempt with the same id waits here until this one ends.
    insert into public.job_profile_changes (session_id, change_id, seq)
    values (p_session_id, p_change_id, v_next)
    on conflict (session_id, change_id) do nothing;
    if not found then
      -- Seen before: answer with the first outcome, write nothing.
      select seq into v_seq from public.job_profile_changes
       where session_id = p_session_id and change_id = p_change_id;
      if v_seq is null then
        return '{"ok": false, "reason": "abandoned"}'::jsonb;
      end if;
      select message into v_logged from public.job_profile_events
       where session_id = p_session_id and seq = v_seq;
      return jsonb_build_object('ok', true, 'replayed', v_logged);
    end if;
  end if;

  -- Compare-and-set in one statement: a concurrent commit either went first (then this
  -- matches no row) or waits for this one (then it re-checks the version and matches none).
  update public.job_profiles
     set profile = p_profile,
         version = v_next,
         status = p_profile ->> 'status',
         updated_at = now()
   where session_id = p_session_id
     and version = p_expected_version;

  if found then
    insert into public.job_profile_events (session_id, seq, type, source, message)
    values (p_session_id, v_next, p_message ->> 'type', p_message ->> 'source', p_message);
    return '{"ok": true}'::jsonb;
  end if;

  -- Not written: release the id so the writer can retry it on the fresh version.
  if p_change_id is not null then
    delete from public.job_profile_changes where session_id = p_session_id and change_id = p_change_id;
  end if;
  select version into v_current from public.job_profiles where session_id = p_session_id;
  if not found then
    return '{"ok": false, "reason": "not_found"}'::jsonb;
  end if;
  return jsonb_build_object('ok', false, 'reason', 'conflict', 'currentVersion', v_current);
end;
$$;

comment on function public.commit_job_profile_change(text, integer, jsonb, jsonb, text) is
  'Writes the next profile and logs its message only if the stored version is p_expected_version '
  'and p_change_id was not seen before. Returns {"ok":true}, {"ok":true,"replayed":<logged message>} '
  '(the id had landed before: nothing written), {"ok":false,"reason":"conflict","currentVersion":n}, '
  '{"ok":false,"reason":"abandoned"} or {"ok":false,"reason":"not_found"}.';

-- After an unknown outcome: did the change land? If not, it never will (the id is abandoned).
create function public.settle_job_profile_change(p_session_id text, p_change_id text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_seq integer;
begin
  perform 1 from public.job_profiles where session_id = p_session_id;
  if not found then
    return '{"landed": false}'::jsonb;
  end if;
  insert into public.job_profile_changes (session_id, change_id, seq)
  values (p_session_id, p_change_id, null)
  on conflict (session_id, change_id) do nothing;
  if found then
    return '{"landed": false}'::jsonb;
  end if;
  select seq into v_seq from public.job_profile_changes
   where session_id = p_session_id and change_id = p_change_id;
  if v_seq is null then
    return '{"landed": false}'::jsonb;
  end if;
  return jsonb_build_object(
    'landed', true,
    'message', (select message from public.job_profile_events where session_id = p_session_id and seq = v_seq)
  );
end;
$$;

comment on function public.settle_job_profile_change(text, text) is
  'Returns {"landed":true,"message":<logged message>} when the change id produced a version, else '
  'abandons the id (a later commit with it answers "abandoned") and returns {"landed":false}.';

create function public.append_job_profile_transcript(p_session_id text, p_role text, p_text text)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  insert into public.job_profile_transcript (session_id, role, text)
  select p_session_id, p_role, p_text
   where exists (select 1 from public.job_profiles where session_id = p_session_id);
  return jsonb_build_object('ok', found);
end;
$$;

create function public.job_profile_transcript_tail(p_session_id text, p_limit integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('role', role, 'text', text) order by id), '[]'::jsonb)
    from (
      select id, role, text from public.job_profile_transcript
       where session_id = p_session_id
       order by id desc
       limit greatest(p_limit, 0)
    ) as tail;
$$;

comment on function public.job_profile_transcript_tail(text, integer) is
  'The last p_limit transcript turns of a session, oldest first, as [{"role","text"}].';

revoke all on function
  public.commit_job_profile_change(text, integer, jsonb, jsonb, text),
  public.settle_job_profile_change(text, text),
  public.append_job_profile_transcript(text, text, text),
  public.job_profile_transcript_tail(text, integer)
  from public, anon, authenticated;
grant execute on function
  public.commit_job_profile_change(text, integer, jsonb, jsonb, text),
  public.settle_job_profile_change(text, text),
  public.append_job_profile_transcript(text, text, text),
  public.job_profile_transcript_tail(text, integer)
  to service_role;

notify pgrst, 'reload schema';
