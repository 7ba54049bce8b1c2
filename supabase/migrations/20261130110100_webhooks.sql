-- Webhooks: subscriptions per tenant and a transactional outbox. The outbox rows are written by
-- triggers in the same transaction as the change (an event appended to the log, a profile
-- erased), so a commit without its webhook, or a webhook without its commit, cannot happen.
-- A sender (the session service) claims due rows with a lease, signs and posts them, and
-- records each attempt. Runs unchanged on Supabase, plain PostgreSQL (15+) and PGlite.

create table public.webhook_subscriptions (
  id text primary key check (id ~ '^wh_[A-Za-z0-9]{8,40}$'),
  tenant_id text not null references public.tenants (id) on delete cascade,
  url text not null check (url ~ '^https?://' and char_length(url) <= 2048),
  events text[] not null check (
    cardinality(events) > 0
    and events <@ array['session.completed', 'session.updated', 'session.deleted']
  ),
  -- Standard Webhooks symmetric secret (whsec_ + base64). Kept in clear: signing needs it.
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/=]{32,}$'),
  created_at timestamptz not null default now()
);

create index webhook_subscriptions_tenant on public.webhook_subscriptions (tenant_id, created_at);

create table public.webhook_deliveries (
  -- The Standard Webhooks message id (webhook-id): the same on every retry and replay.
  id text primary key,
  subscription_id text not null references public.webhook_subscriptions (id) on delete cascade,
  tenant_id text not null,
  -- No foreign key: a session.deleted event outlives its session.
  session_id text not null,
  type text not null check (type in ('session.completed', 'session.updated', 'session.deleted')),
  -- The JSON body sent: {"type", "timestamp", "data"}.
  payload jsonb not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- A sender holds the row until then; after it, another sender may take it (a crashed sender).
  locked_until timestamptz,
  -- Retries stop a retry window after this (the creation, or the last replay).
  retry_from timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  delivered_at timestamptz
);

create index webhook_deliveries_due on public.webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_subscription on public.webhook_deliveries (subscription_id, created_at desc);
create index webhook_deliveries_session on public.webhook_deliveries (session_id);

create table public.webhook_delivery_attempts (
  delivery_id text not null references public.webhook_deliveries (id) on delete cascade,
  attempt integer not null,
  at timestamptz not null default now(),
  -- HTTP status of the receiver's answer; null when there was none (refused, timed out).
  status_code integer,
  error text,
  duration_ms integer not null,
  primary key (delivery_id, attempt)
);

create function public.webhook_message_id()
returns text
language sql
volatile
set search_path = ''
as $$
  select 'msg_' || replace(gen_random_uuid()::text, '-', '');
$$;

-- One outbox row per subscribed endpoint. session.updated is debounced here: while an update of
-- the session has not been tried yet, a newer one replaces its data instead of queueing another
-- (the sender holds updates back for a debounce window after the first).
create function public.job_profile_events_to_webhooks()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_tenant text;
  v_type text;
  v_data jsonb;
begin
  if new.seq = 0 then
    return null;
  end if;
  select tenant_id, jsonb_build_object('sessionId', session_id, 'version', version, 'profile', profile)
    into v_tenant, v_data
    from public.job_profiles
   where session_id = new.session_id;
  v_type := case when new.type = 'onboarding.completed' then 'session.completed' else 'session.updated' end;

  if v_type = 'session.updated' then
    update public.webhook_deliveries
       set payload = jsonb_build_object('type', v_type, 'timestamp', now(), 'data', v_data),
           updated_at = now()
     where session_id = new.session_id
       and type = 'session.updated'
       and status = 'pending'
       and attempts = 0
       and (locked_until is null or locked_until <= now());
  end if;

  insert into public.webhook_deliveries (id, subscription_id, tenant_id, session_id, type, payload)
  select public.webhook_message_id(), s.id, v_tenant, new.session_id, v_type,
         jsonb_build_object('type', v_type, 'timestamp', now(), 'data', v_data)
    from public.webhook_subscriptions s
   where s.tenant_id = v_tenant
     and v_type = any (s.events)
     and (v_type <> 'session.updated' or not exists (
       select 1 from public.webhook_deliveries d
        where d.subscription_id = s.id
          and d.session_id = new.session_id
          and d.type = 'session.updated'
          and d.status = 'pending'
          and d.attempts = 0
          and (d.locked_until is null or d.locked_until <= now())
     ));
  return null;
end;
$$;

create trigger job_profile_events_webhooks
  after insert on public.job_profile_events
  for each row execute function public.job_profile_events_to_webhooks();

-- An erased session takes its webhook payloads (they carry the profile) with it and leaves a
-- session.deleted event for each subscribed endpoint.
create function public.job_profiles_deleted_to_webhooks()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  delete from public.webhook_deliveries where session_id = old.session_id;
  insert into public.webhook_deliveries (id, subscription_id, tenant_id, session_id, type, payload)
  select public.webhook_message_id(), s.id, old.tenant_id, old.session_id, 'session.deleted',
         jsonb_build_object('type', 'session.deleted', 'timestamp', now(),
                            'data', jsonb_build_object('sessionId', old.session_id))
    from public.webhook_subscriptions s
   where s.tenant_id = old.tenant_id
     and 'session.deleted' = any (s.events);
  return null;
end;
$$;

create trigger job_profiles_deleted_webhooks
  after delete on public.job_profiles
  for each row execute function public.job_profiles_deleted_to_webhooks();

create function public.create_webhook_subscription(
  p_tenant_id text,
  p_id text,
  p_url text,
  p_events jsonb,
  p_secret text
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_row public.webhook_subscriptions;
begin
  insert into public.webhook_subscriptions (id, tenant_id, url, events, secret)
  values (p_id, p_tenant_id, p_url, array(select jsonb_array_elements_text(p_events)), p_secret)
  returning * into v_row;
  return jsonb_build_object('id', v_row.id, 'url', v_row.url, 'events', to_jsonb(v_row.events),
                            'createdAt', v_row.created_at);
end;
$$;

create function public.list_webhook_subscriptions(p_tenant_id text)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object('id', id, 'url', url, 'events', to_jsonb(events),
                                               'createdAt', created_at) order by created_at, id), '[]'::jsonb)
    from public.webhook_subscriptions
   where tenant_id = p_tenant_id;
$$;

create function public.delete_webhook_subscription(p_tenant_id text, p_id text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_found boolean;
begin
  delete from public.webhook_subscriptions where id = p_id and tenant_id = p_tenant_id;
  v_found := found;
  return jsonb_build_object('deleted', v_found);
end;
$$;

-- Null when the subscription is not the tenant's.
create function public.list_webhook_deliveries(p_tenant_id text, p_subscription_id text, p_limit integer)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select case when exists (
    select 1 from public.webhook_subscriptions where id = p_subscription_id and tenant_id = p_tenant_id
  ) then (
    select coalesce(jsonb_agg(item order by created_at desc, id desc), '[]'::jsonb)
      from (
        select d.id, d.created_at, jsonb_build_object(
          'id', d.id, 'type', d.type, 'sessionId', d.session_id, 'status', d.status,
          'attempts', d.attempts, 'createdAt', d.created_at, 'nextAttemptAt',
          case when d.status = 'pending' then to_jsonb(d.next_attempt_at) else 'null'::jsonb end,
          'deliveredAt', d.delivered_at,
          'attemptLog', (
            select coalesce(jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.at,
                                                         'statusCode', a.status_code, 'error', a.error,
                                                         'durationMs', a.duration_ms) order by a.attempt), '[]'::jsonb)
              from public.webhook_delivery_attempts a where a.delivery_id = d.id
          )
        ) as item
          from public.webhook_deliveries d
         where d.subscription_id = p_subscription_id
         order by d.created_at desc, d.id desc
         limit greatest(1, least(p_limit, 100))
      ) page
  ) end;
$$;

-- Sends a delivery again now, with the same message id, and gives it a fresh retry window.
create function public.replay_webhook_delivery(p_tenant_id text, p_subscription_id text, p_delivery_id text)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_found boolean;
begin
  update public.webhook_deliveries
     set status = 'pending', next_attempt_at = now(), locked_until = null, retry_from = now(), updated_at = now()
   where id = p_delivery_id and subscription_id = p_subscription_id and tenant_id = p_tenant_id;
  v_found := found;
  return jsonb_build_object('replayed', v_found);
end;
$$;

-- Takes up to p_limit due deliveries for p_lease_ms. Updates never tried wait p_debounce_ms
-- after their first change, so a burst of changes goes out as one.
create function public.claim_webhook_deliveries(p_limit integer, p_lease_ms integer, p_debounce_ms integer)
returns jsonb
language sql
set search_path = ''
as $$
  with due as (
    select d.id
      from public.webhook_deliveries d
     where d.status = 'pending'
       and d.next_attempt_at <= now()
       and (d.locked_until is null or d.locked_until <= now())
       and (d.type <> 'session.updated' or d.attempts > 0
            or d.created_at <= now() - make_interval(secs => p_debounce_ms / 1000.0))
     order by d.next_attempt_at, d.id
     limit greatest(1, p_limit)
       for update skip locked
  ),
  claimed as (
    update public.webhook_deliveries d
       set locked_until = now() + make_interval(secs => p_lease_ms / 1000.0)
      from due
     where d.id = due.id
    returning d.id, d.subscription_id, d.payload, d.attempts, d.retry_from
  )
  select coalesce(jsonb_agg(jsonb_build_object(
           'id', c.id, 'subscriptionId', c.subscription_id, 'url', s.url, 'secret', s.secret,
           'payload', c.payload, 'attempts', c.attempts, 'retryFrom', c.retry_from)), '[]'::jsonb)
    from claimed c
    join public.webhook_subscriptions s on s.id = c.subscription_id;
$$;

-- p_retry_in_ms null on a failure: give up (status failed).
create function public.record_webhook_attempt(
  p_delivery_id text,
  p_ok boolean,
  p_status_code integer,
  p_error text,
  p_duration_ms integer,
  p_retry_in_ms integer
)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_attempt integer;
begin
  update public.webhook_deliveries
     set attempts = attempts + 1,
         status = case when p_ok then 'delivered' when p_retry_in_ms is null then 'failed' else 'pending' end,
         delivered_at = case when p_ok then now() else delivered_at end,
         next_attempt_at = case when p_ok or p_retry_in_ms is null then next_attempt_at
                                else now() + make_interval(secs => p_retry_in_ms / 1000.0) end,
         locked_until = null,
         updated_at = now()
   where id = p_delivery_id
  returning attempts into v_attempt;
  if not found then
    -- Erased or unsubscribed while in flight: nothing to record.
    return jsonb_build_object('recorded', false);
  end if;
  insert into public.webhook_delivery_attempts (delivery_id, attempt, status_code, error, duration_ms)
  values (p_delivery_id, v_attempt, p_status_code, left(p_error, 500), p_duration_ms);
  return jsonb_build_object('recorded', true);
end;
$$;

-- Retention for the outbox: finished deliveries last changed before the cutoff.
create function public.purge_webhook_deliveries(p_older_than timestamptz)
returns jsonb
language plpgsql
set search_path = ''
as $$
declare
  v_deleted integer;
begin
  delete from public.webhook_deliveries where status <> 'pending' and updated_at < p_older_than;
  get diagnostics v_deleted = row_count;
  return jsonb_build_object('deleted', v_deleted);
end;
$$;

alter table public.webhook_subscriptions enable row level security;
alter table public.webhook_deliveries enable row level security;
alter table public.webhook_delivery_attempts enable row level security;
revoke all on table public.webhook_subscriptions, public.webhook_deliveries, public.webhook_delivery_attempts
  from public, anon, authenticated, service_role;
grant select, insert, delete on table public.webhook_subscriptions to service_role;
grant select, insert, update, delete on table public.webhook_deliveries to service_role;
grant select, insert on table public.webhook_delivery_attempts to service_role;

revoke all on function
  public.webhook_message_id(),
  public.job_profile_events_to_webhooks(),
  public.job_profiles_deleted_to_webhooks(),
  public.create_webhook_subscription(text, text, text, jsonb, text),
  public.list_webhook_subscriptions(text),
  public.delete_webhook_subscription(text, text),
  public.list_webhook_deliveries(text, text, integer),
  public.replay_webhook_delivery(text, text, text),
  public.claim_webhook_deliveries(integer, integer, integer),
  public.record_webhook_attempt(text, boolean, integer, text, integer, integer),
  public.purge_webhook_deliveries(timestamptz)
  from public, anon, authenticated;
grant execute on function
  public.webhook_message_id(),
  public.create_webhook_subscription(text, text, text, jsonb, text),
  public.list_webhook_subscriptions(text),
  public.delete_webhook_subscription(text, text),
  public.list_webhook_deliveries(text, text, integer),
  public.replay_webhook_delivery(text, text, text),
  public.claim_webhook_deliveries(integer, integer, integer),
  public.record_webhook_attempt(text, boolean, integer, text, integer, integer),
  public.purge_webhook_deliveries(timestamptz)
  to service_role;

notify pgrst, 'reload schema';
