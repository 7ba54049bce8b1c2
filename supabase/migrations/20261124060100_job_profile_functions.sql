-- The only write path to job profiles: each function is one transaction that updates the
-- profile and appends its message together, or does neither.

create function public.create_job_profile(p_session_id text, p_profile jsonb, p_message jsonb)
returns jsonb
language plpgsql
set search_path = ''
as $$
begin
  if p_profile ->> 'sessionId' is distinct from p_session_id
     or p_message ->> 'sessionId' is distinct from p_session_id then
    raise exception 'profile and message must belong to session %', p_session_id
      using errcode = 'invalid_parameter_value';
  end if;
  if p_profile -> 'version' is distinct from '0'::jsonb
     or p_message ->> 'type' is distinct from 'profile.snapshot'
     or p_message -> 'seq' is distinct from '0'::jsonb
     or p_message -> 'data' -> 'profile' is distinct from p_profile then
    raise exception 'a new profile starts at version 0, logged as the profile.snapshot (seq 0) of that profile'
      using errcode = 'invalid_parameter_value';
  end if;

  insert into public.job_profiles (session_id, profile, version, status)
  values (p_session_id, p_profile, 0, p_profile ->> 'status')
  on conflict (session_id) do nothing;
  if not found then
    return '{"ok": false, "reason": "exists"}'::jsonb;
  end if;

  insert into public.job_profile_events (session_id, seq, type, source, message)
  values (p_session_id, 0, 'profile.snapshot', p_message ->> 'source', p_message);
  return '{"ok": true}'::jsonb;
end;
$$;

comment on function public.create_job_profile(text, jsonb, jsonb) is
  'Stores a new profile at version 0 and logs its snapshot as seq 0. Returns {"ok":true} or {"ok":false,"reason":"exists"}.';

create function public.commit_job_profile_change(
  p_session_id text,
  p_expected_version integer,
  p_profile jsonb,
  p_message jsonb
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_next integer := p_expected_version + 1;
  v_current integer;
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

  select version into v_current from public.job_profiles where session_id = p_session_id;
  if not found then
    return '{"ok": false, "reason": "not_found"}'::jsonb;
  end if;
  return jsonb_build_object('ok', false, 'reason', 'conflict', 'currentVersion', v_current);
end;
$$;

comment on function public.commit_job_profile_change(text, integer, jsonb, jsonb) is
  'Writes the next profile and logs its message only if the stored version is p_expected_version. '
  'Returns {"ok":true}, {"ok":false,"reason":"conflict","currentVersion":n} or {"ok":false,"reason":"not_found"}.';

create function public.get_job_profile(p_session_id text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select profile from public.job_profiles where session_id = p_session_id;
$$;

create function public.job_profile_messages(p_session_id text, p_after_seq integer default -1)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(message order by seq), '[]'::jsonb)
    from public.job_profile_events
   where session_id = p_session_id
     and seq > p_after_seq;
$$;

comment on function public.job_profile_messages(text, integer) is
  'The logged messages of a session with seq > p_after_seq, as a JSON array in seq order.';

-- Execute rights: the owner and service_role only (Supabase grants functions to anon and
-- authenticated by default, and PostgreSQL to PUBLIC).
revoke all on function
  public.create_job_profile(text, jsonb, jsonb),
  public.commit_job_profile_change(text, integer, jsonb, jsonb),
  public.get_job_profile(text),
  public.job_profile_messages(text, integer)
  from public, anon, authenticated;
grant execute on function
  public.create_job_profile(text, jsonb, jsonb),
  public.commit_job_profile_change(text, integer, jsonb, jsonb),
  public.get_job_profile(text),
  public.job_profile_messages(text, integer)
  to service_role;

-- Let a running PostgREST (Supabase's API) see the new functions at once.
notify pgrst, 'reload schema';
