-- Tenants (one per ATS vendor), their hashed API keys, sessions scoped to a tenant, listing,
-- erasure of a session with everything that references it, and retention purges.
-- Runs unchanged on Supabase, plain PostgreSQL (15+) and PGlite.

create table public.tenants (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  created_at timestamptz not null default now()
);

comment on table public.tenants is
  'One per API customer. The tenant "default" owns the bootstrap key VOICE_ONBOARDING_API_KEY and every session older than tenants.';

insert into public.tenants (id) values ('default');

create table public.tenant_api_keys (
  id text primary key check (id ~ '^key_[A-Za-z0-9]{8,40}$'),
  tenant_id text not null references public.tenants (id) on delete cascade,
  -- SHA-256 (hex) of the whole key: the key itself is shown once, when it is created.
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  label text not null default '' check (char_length(label) <= 100),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create index tenant_api_keys_tenant on public.tenant_api_keys (tenant_id, created_at);

alter table public.job_profiles
  add column tenant_id text not null default 'default' references public.tenants (id);

create index job_profiles_tenant_listing on public.job_profiles (tenant_id, created_at desc, session_id desc);
create index job_profiles_updated_at on public.job_profiles (updated_at);

-- Erasure: whatever references a profile goes with it. Every foreign key on job_profiles that
-- would block a delete (the event log's, a transcript table's added before this migration)
-- becomes ON DELETE CASCADE. Tables added later must declare `on delete cascade` themselves.
do $$
declare
  fk record;
begin
  for fk in
    select c.conname, c.conrelid::regclass as referencing, pg_get_constraintdef(c.oid) as definition
      from pg_catalog.pg_constraint c
     where c.contype = 'f'
       and c.confrelid = 'public.job_profiles'::regclass
       and c.confdeltype in ('a', 'r')
  loop
    execute format('alter table %s drop constraint %I', fk.referencing, fk.conname);
    execute format('alter table %s add constraint %I %s on delete cascade', fk.referencing, fk.conname, fk.definition);
  end loop;
end
$$;

-- The log stays append-only for everyone, except inside an erasure (delete_tenant_job_profile,
-- purge_job_profiles), which sets voice_onboarding.erasure for its own transaction only.
create or replace function public.job_profile_events_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and current_setting('voice_onboarding.erasure', true) = 'on' then
    return old;
  end if;
  raise exception 'public.job_profile_events is append-only: % is not allowed', tg_op
    using errcode = 'insufficient_privilege',
          hint = 'Profiles change by appending a message with commit_job_profile_change(); sessions are erased with delete_tenant_job_profile().';
end;
$$;

create function public.create_tenant_job_profile(
  p_tenant_id text,
  p_session_id text,
  p_profile jsonb,
  p_message jsonb
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_result jsonb;
begin
  if not exists (select 1 from public.tenants where id = p_tenant_id) then
    raise exception 'unknown tenant %', p_tenant_id using errcode = 'foreign_key_violation';
  end if;
  v_result := public.create_job_profile(p_session_id, p_profile, p_message);
  if (v_result ->> 'ok')::boolean then
    update public.job_profiles set tenant_id = p_tenant_id where session_id = p_session_id;
  end if;
  return v_result;
end;
$$;

comment on function public.create_tenant_job_profile(text, text, jsonb, jsonb) is
  'create_job_profile for a tenant, in one transaction. Returns {"ok":true} or {"ok":false,"reason":"exists"}.';

create function public.get_tenant_job_profile(p_tenant_id text, p_session_id text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select profile from public.job_profiles where session_id = p_session_id and tenant_id = p_tenant_id;
$$;

-- Newest first; the cursor is the (created_at, session_id) of the last row of the previous page.
create function public.list_tenant_job_profiles(
  p_tenant_id text,
  p_status text,
  p_after_created_at timestamptz,
  p_after_session_id text,
  p_limit integer
)
returns jsonb
language sql
stable
set search_path = ''
as $$
  with page as (
    select session_id, status, version, created_at, updated_at, profile
      from public.job_profiles
     where tenant_id = p_tenant_id
       and (p_status is null or status = p_status)
       and (p_after_created_at is null or (created_at, session_id) < (p_after_created_at, p_after_session_id))
     order by created_at desc, session_id desc
     limit greatest(1, least(p_limit, 100)) + 1
  ),
  numbered as (
    select page.*, row_number() over (order by created_at desc, session_id desc) as n from page
  )
  select jsonb_build_object(
    'items', coalesce(jsonb_agg(jsonb_build_object(
        'sessionId', session_id,
        'status', status,
        'version', version,
        'jobTitle', profile -> 'requirements' ->> 'jobTitle',
        'companyName', profile -> 'company' ->> 'name',
        'createdAt', created_at,
        'updatedAt', updated_at
      ) order by n) filter (where n <= greatest(1, least(p_limit, 100))), '[]'::jsonb),
    'next', (
      select jsonb_build_object('createdAt', last.created_at::text, 'sessionId', last.session_id)
        from numbered last
       where last.n = greatest(1, least(p_limit, 100))
         and exists (select 1 from numbered more where more.n > last.n)
    )
  )
  from numbered;
$$;

comment on function public.list_tenant_job_profiles(text, text, timestamptz, text, integer) is
  'One page (1-100) of a tenant''s sessions, newest first: {"items":[...],"next":{"createdAt","sessionId"}|null}.';

create function public.delete_tenant_job_profile(p_tenant_id text, p_session_id text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_deleted integer;
begin
  perform set_config('voice_onboarding.erasure', 'on', true);
  delete from public.job_profiles where session_id = p_session_id and tenant_id = p_tenant_id;
  get diagnostics v_deleted = row_count;
  perform set_config('voice_onboarding.erasure', 'off', true);
  return jsonb_build_object('deleted', v_deleted > 0);
end;
$$;

comment on function public.delete_tenant_job_profile(text, text) is
  'Erases a session of a tenant with its event log and every row that references it. Returns {"deleted":bool}.';

create function public.purge_job_profiles(p_older_than timestamptz, p_tenant_id text default null)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_deleted integer;
begin
  if p_older_than is null then
    raise exception 'purge needs a cutoff time' using errcode = 'invalid_parameter_value';
  end if;
  perform set_config('voice_onboarding.erasure', 'on', true);
  delete from public.job_profiles
   where updated_at < p_older_than
     and (p_tenant_id is null or tenant_id = p_tenant_id);
  get diagnostics v_deleted = row_count;
  perform set_config('voice_onboarding.erasure', 'off', true);
  return jsonb_build_object('deleted', v_deleted);
end;
$$;

comment on function public.purge_job_profiles(timestamptz, text) is
  'Erases every session (of one tenant, or all) last changed before p_older_than. Returns {"deleted":n}.';

create function public.create_tenant_api_key(p_tenant_id text, p_key_id text, p_key_hash text, p_label text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_key public.tenant_api_keys;
begin
  insert into public.tenants (id) values (p_tenant_id) on conflict (id) do nothing;
  insert into public.tenant_api_keys (id, tenant_id, key_hash, label)
  values (p_key_id, p_tenant_id, p_key_hash, coalesce(p_label, ''))
  returning * into v_key;
  return jsonb_build_object('id', v_key.id, 'tenantId', v_key.tenant_id, 'label', v_key.label,
                            'createdAt', v_key.created_at, 'revokedAt', v_key.revoked_at);
end;
$$;

create function public.list_tenant_api_keys(p_tenant_id text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', id, 'tenantId', tenant_id, 'label', label,
                                               'createdAt', created_at, 'revokedAt', revoked_at)
                            order by created_at, id), '[]'::jsonb)
    from public.tenant_api_keys
   where tenant_id = p_tenant_id;
$$;

create function public.revoke_tenant_api_key(p_tenant_id text, p_key_id text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_found boolean;
begin
  update public.tenant_api_keys set revoked_at = coalesce(revoked_at, now())
   where id = p_key_id and tenant_id = p_tenant_id;
  v_found := found;
  return jsonb_build_object('revoked', v_found);
end;
$$;

-- The service looks a presented key up by its hash: the key never travels to the database.
create function public.authenticate_api_key(p_key_hash text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('tenantId', tenant_id, 'keyId', id)
    from public.tenant_api_keys
   where key_hash = p_key_hash and revoked_at is null;
$$;

-- Browsers never reach these tables: row level security on, no policies, no privileges for the
-- API roles. service_role deletes profiles only through the erasure functions: a direct delete
-- cascades into the event log, whose trigger refuses it outside an erasure.
alter table public.tenants enable row level security;
alter table public.tenant_api_keys enable row level security;
revoke all on table public.tenants, public.tenant_api_keys from public, anon, authenticated, service_role;
grant select, insert on table public.tenants to service_role;
grant select, insert, update on table public.tenant_api_keys to service_role;
grant delete on table public.job_profiles to service_role;

revoke all on function
  public.create_tenant_job_profile(text, text, jsonb, jsonb),
  public.get_tenant_job_profile(text, text),
  public.list_tenant_job_profiles(text, text, timestamptz, text, integer),
  public.delete_tenant_job_profile(text, text),
  public.purge_job_profiles(timestamptz, text),
  public.create_tenant_api_key(text, text, text, text),
  public.list_tenant_api_keys(text),
  public.revoke_tenant_api_key(text, text),
  public.authenticate_api_key(text)
  from public, anon, authenticated;
grant execute on function
  public.create_tenant_job_profile(text, text, jsonb, jsonb),
  public.get_tenant_job_profile(text, text),
  public.list_tenant_job_profiles(text, text, timestamptz, text, integer),
  public.delete_tenant_job_profile(text, text),
  public.purge_job_profiles(timestamptz, text),
  public.create_tenant_api_key(text, text, text, text),
  public.list_tenant_api_keys(text),
  public.revoke_tenant_api_key(text, text),
  public.authenticate_api_key(text)
  to service_role;

notify pgrst, 'reload schema';
