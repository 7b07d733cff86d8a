-- An operator organisation can have several operator users; each user belongs to exactly one organisation.
-- operators.owner_subject stays as the user who founded it.
create table operator_members (
    subject     varchar(200) primary key,        -- the Keycloak user id
    operator_id uuid         not null references operators (id),
    username    varchar(100),
    added_at    timestamptz  not null
);
create index operator_members_operator on operator_members (operator_id);

insert into operator_members (subject, operator_id, username, added_at)
select owner_subject, id, name, created_at from operators;
