package io.langnghe.access;

/** The roles of Lắng Nghe. Every endpoint names the ones it admits. */
public final class Roles {
    /** Lãnh đạo phường: sees everything except residents' contact details. */
    public static final String LEADER = "LEADER";
    /** Cán bộ: sees and acts on the cases of one department. */
    public static final String OFFICER = "OFFICER";
    /** Tổng đài viên: types in what callers say. */
    public static final String OPERATOR = "OPERATOR";
    /** Tổ trưởng tổ dân phố: files a neighbourhood meeting's petitions. */
    public static final String GROUP_LEADER = "GROUP_LEADER";
    /** Đại biểu HĐND: files a voter-contact meeting's petitions. */
    public static final String DEPUTY = "DEPUTY";
    /** Quản trị: edits areas, departments, rules and accounts. */
    public static final String ADMIN = "ADMIN";

    /** Not a login: the pipeline itself (the early warning's assessments). */
    public static final String SYSTEM = "SYSTEM";
    /** Not a login: a resident acting through a case's tracking code (rating the answer). */
    public static final String RESIDENT = "RESIDENT";

    /** The JWT claim that carries an officer's department code. */
    public static final String DEPARTMENT_CLAIM = "department";

    private Roles() {
    }
}
